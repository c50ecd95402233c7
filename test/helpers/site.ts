// Builds a validated Site in memory from inline files, through the real loader.
import { formatErrors } from '../../site/model/errors.ts';
import { loadSite } from '../../site/model/load/index.ts';
import type { Site } from '../../site/model/site.ts';
import { testdir } from './testdir.ts';

export async function siteOf(files: Record<string, string>, now: Date, config?: string): Promise<Site> {
  const r = await loadSite(testdir(files, config === undefined ? {} : { config }), { now });
  if (!r.ok) throw new Error(formatErrors(r.errors));
  return r.value;
}
