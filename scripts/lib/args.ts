// Flag parsing with node:util, plus the options every command shares.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import { parseZonedTimestamp } from '../../site/model/time.ts';
import { CliError } from './cli-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export const COMMON_OPTIONS = {
  root: { type: 'string', default: '.' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

export function parse<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\nRun with --help to see the options.`, 2);
  }
}

export function rootOf(value: string | undefined): string {
  return resolve(value ?? '.');
}

/** `--now` (for reproducible builds and tests) or the clock. */
export function nowOf(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const parsed = parseZonedTimestamp(value);
  if (!parsed.ok) throw new CliError(`--now: ${parsed.problem}`, 2);
  return parsed.date;
}
