// Checks ids given on the command line against the config, suggesting the closest on a typo.
import { knownList } from '../../site/model/suggest.ts';
import { CliError } from './cli-error.ts';

export function checkIds(flag: string, kind: string, values: string[], known: string[]): string[] {
  for (const v of values) {
    if (!known.includes(v)) throw new CliError(`${flag}: unknown ${kind} "${v}"; ${knownList(v, known)}`, 2);
  }
  return values;
}

export function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}
