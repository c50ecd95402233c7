// Loads the site for a command, turning content errors into one readable report.
import { formatErrors } from '../../site/model/errors.ts';
import { loadSite } from '../../site/model/load/index.ts';
import type { Site } from '../../site/model/site.ts';
import type { FolderCache } from '../../site/model/load/folder-cache.ts';
import { CliError } from './cli-error.ts';

export async function loadOrFail(root: string, now: Date, folders?: FolderCache): Promise<Site> {
  const result = await loadSite(root, { now, folders });
  if (!result.ok) throw new CliError(`the content has problems:\n\n${formatErrors(result.errors)}`);
  return result.value;
}
