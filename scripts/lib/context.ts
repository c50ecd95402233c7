// What the writing commands share: the loaded site, the templates in the team's language, and the clock.
import { formatErrors } from '../../site/model/errors.ts';
import type { Site } from '../../site/model/site.ts';
import { loadTemplates, templatesFor, type Template } from '../../site/model/templates/library.ts';
import { CliError } from './cli-error.ts';
import { loadOrFail } from './load.ts';

export interface WriteContext {
  root: string;
  site: Site;
  templates: Template[];
  /** When the new file is posted: --at, or the clock. */
  at: Date;
}

export async function writeContext(root: string, at: Date, locale?: string): Promise<WriteContext> {
  // Validate as of a minute later, so an update stamped this minute is not "in the future".
  const site = await loadOrFail(root, new Date(at.getTime() + 60_000));
  const loaded = await loadTemplates(root);
  if (!loaded.ok) throw new CliError(`the templates have problems:\n\n${formatErrors(loaded.errors)}`);
  return { root, site, templates: templatesFor(loaded.value, locale ?? site.config.locale), at };
}
