// What the writing commands share: the loaded site, the templates in the team's language, and the clock.
import { formatErrors } from '../../site/model/errors.ts';
import type { Site } from '../../site/model/site.ts';
import { loadTemplates, templatesFor, type Template } from '../../site/model/templates/library.ts';
import { CliError } from './cli-error.ts';
import type { BrokenPart } from '../../site/model/load/partial.ts';
import { loadValidOrFail } from './load.ts';

export interface WriteContext {
  root: string;
  /** The site without its broken parts: another incident's mistake does not stop this one's update. */
  site: Site;
  /** Incident folders and announcements left out for their problems: not written into (broken.ts). */
  broken: BrokenPart[];
  templates: Template[];
  /** When the new file is posted: --at, or the clock. */
  at: Date;
}

/**
 * The moment a write is validated at: the real clock for the site (a back-dated update must not make another
 * incident's later updates "in the future"), or the new file's own time when that is later; plus a minute, so an
 * update stamped this minute is not "in the future" either.
 */
export function validationTime(at: Date, clock: Date = new Date()): Date {
  return new Date(Math.max(at.getTime(), clock.getTime()) + 60_000);
}

export async function writeContext(root: string, at: Date, locale?: string): Promise<WriteContext> {
  const { site, broken } = await loadValidOrFail(root, validationTime(at));
  const loaded = await loadTemplates(root);
  if (!loaded.ok) throw new CliError(`the templates have problems:\n\n${formatErrors(loaded.errors)}`);
  return { root, site, broken, templates: templatesFor(loaded.value, locale ?? site.config.locale), at };
}
