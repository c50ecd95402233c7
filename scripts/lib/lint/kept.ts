// The per-incident lint findings a build keeps for the next one (site/model/lint/index.ts LintCache): after one
// update, the linter reads one incident's wording instead of the whole history's. Kept beside the parsed folders,
// per site and code version, and between CI runs by the same cache.
import type { Finding } from '../../../site/model/lint/index.ts';
import { carriedOver, type CarriedOver } from '../../../site/model/carried-over.ts';
import { keptPerSite } from '../kept-per-site.ts';

export interface KeptFindings extends CarriedOver<Finding[]> {
  /** Keeps the findings of the incidents this run linted, nothing else. */
  save(): void;
}

export function keptFindings(root: string, code: string): KeptFindings {
  const kept = keptPerSite<Finding[]>('lint', root, code);
  const tracking = carriedOver(kept.read());
  return Object.assign(tracking, { save: () => kept.write(tracking.used) });
}
