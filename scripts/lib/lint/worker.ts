// The lint thread (thread.ts): lints the snapshot it is handed and posts the findings back. The per-incident
// findings of the previous build are kept (kept.ts), so only incidents that changed are read by those rules.
import { parentPort, workerData } from 'node:worker_threads';
import { lint } from '../../../site/model/lint/index.ts';
import { deserializeSnapshot } from '../../../site/model/snapshot.ts';
import { keptFindings } from './kept.ts';

export interface LintTask {
  snapshot: Uint8Array;
  /** The moment the site is built for (ISO 8601), after the example clock. */
  now: string;
  /** The code digest (scripts/lib/reuse.ts): findings kept by another version of the rules are not used. */
  code: string;
}

const task = workerData as LintTask;
const { site } = deserializeSnapshot(task.snapshot);
const kept = keptFindings(site.root, task.code);
const findings = lint(site, new Date(task.now), kept);
// Saved before the findings are posted: the build ends once it has them.
kept.save();
parentPort!.postMessage(findings);
