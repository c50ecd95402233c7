// The lint thread (thread.ts): lints the snapshot it is handed and posts the findings back.
import { parentPort, workerData } from 'node:worker_threads';
import { lint } from '../../../site/model/lint/index.ts';
import { deserializeSnapshot } from '../../../site/model/snapshot.ts';

export interface LintTask {
  snapshot: Uint8Array;
  /** The moment the site is built for (ISO 8601), after the example clock. */
  now: string;
}

const task = workerData as LintTask;
parentPort!.postMessage(lint(deserializeSnapshot(task.snapshot).site, new Date(task.now)));
