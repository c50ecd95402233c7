// Loads the site for a command, turning content errors into one readable report.
import { formatErrors } from '../../site/model/errors.ts';
import { readConfig } from '../../site/model/load/config.ts';
import { loadSite } from '../../site/model/load/index.ts';
import type { Config } from '../../site/model/schema/config.ts';
import { loadValidParts, type BrokenPart } from '../../site/model/load/partial.ts';
import type { Site } from '../../site/model/site.ts';
import type { FolderCache } from '../../site/model/load/folder-cache.ts';
import { CliError } from './cli-error.ts';

/** The whole site, or a report of every problem: for commands that check everything (check, --strict). */
export async function loadOrFail(root: string, now: Date, folders?: FolderCache): Promise<Site> {
  const result = await loadSite(root, { now, folders });
  if (!result.ok) throw new CliError(`the content has problems:\n\n${formatErrors(result.errors)}`);
  return result.value;
}

/**
 * The site without its broken incident folders and announcements, and which those are: for commands that work on
 * one part (posting an update, sending notifications), which one colleague's mistake elsewhere must not stop.
 * A broken config still stops them.
 */
export async function loadValidOrFail(root: string, now: Date): Promise<{ site: Site; broken: BrokenPart[] }> {
  const result = await loadValidParts(root, { now });
  if (!result.ok) throw new CliError(`the content has problems:\n\n${formatErrors(result.errors)}`);
  return { site: result.site, broken: result.broken };
}

/** The config alone, or its problems: for tasks that read nothing else (deploy matrices), which no incident may stop. */
export async function loadConfigOrFail(root: string): Promise<Config> {
  const { config, errors } = await readConfig(root);
  if (!config || errors.length) throw new CliError(`the content has problems:\n\n${formatErrors(errors)}`);
  return config;
}
