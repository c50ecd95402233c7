// Writing into a broken incident: refused, naming its problems, while every other incident can still be written.
import { formatError } from '../../site/model/errors.ts';
import { slugOf } from '../../site/model/find.ts';
import { INCIDENTS_DIR } from '../../site/model/load/index.ts';
import type { BrokenPart } from '../../site/model/load/partial.ts';
import type { Site } from '../../site/model/site.ts';
import { CliError } from './cli-error.ts';

/**
 * Throws when `query` names a broken incident folder: in full, by its slug, or in part when no healthy incident
 * has that exact name (so "card" is not quietly taken to mean another incident while the one meant is broken).
 */
export function refuseBroken(site: Site, broken: readonly BrokenPart[], query: string | undefined, command: string): void {
  if (query === undefined) return;
  const q = query.replace(/^incidents\//, '').replace(/\/$/, '');
  const folders = broken.filter((b) => b.path.startsWith(`${INCIDENTS_DIR}/`));
  const name = (b: BrokenPart) => b.path.slice(INCIDENTS_DIR.length + 1);
  const healthy = site.incidents.some((i) => i.id === q || slugOf(i) === q);
  const exact = folders.filter((b) => name(b) === q || (!healthy && name(b).slice(11) === q));
  const meant = exact.length ? exact : healthy ? [] : folders.filter((b) => name(b).startsWith(q) || name(b).slice(11).includes(q));
  if (meant.length === 0) return;
  const problems = meant.map((b) => `${b.path}:\n${b.errors.map((e) => `  ${formatError(e).replace(/\n/g, '\n  ')}`).join('\n')}`).join('\n\n');
  throw new CliError(
    `"${query}" names ${meant.length === 1 ? 'an incident whose files have' : 'incidents whose files have'} problems, so "candor ${command}" will not write into ${meant.length === 1 ? 'it' : 'them'} until they are fixed:\n\n${problems}\n\nFix the files above (or revert the commit that broke them); other incidents can be updated meanwhile.`,
    1,
  );
}
