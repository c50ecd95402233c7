// The linter in a thread of its own, beside the render threads: a build that does not stop on findings (every
// build but --strict) need not wait for them, so the linter reads the whole history while the pages render
// instead of before. It reads the same snapshot the render threads do, so it lints exactly the site they render.
import { Worker } from 'node:worker_threads';
import type { Finding } from '../../../site/model/lint/index.ts';
import type { LintTask } from './worker.ts';

// .ts in the repository, .js in an installed package (pack/node-js.ts): the worker is this module's twin.
const WORKER = new URL(`./worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);

export interface LintThread {
  /** The findings, once the thread is done; from this call on, the process waits for them. */
  findings(): Promise<Finding[]>;
}

/** Starts linting the site in `snapshot` at `now`. Until its findings are asked for, a build that fails ends without them. */
export function lintInThread(snapshot: Uint8Array, now: Date, code: string): LintThread {
  const worker = new Worker(WORKER, { workerData: { snapshot, now: now.toISOString(), code } satisfies LintTask });
  worker.unref();
  const done = new Promise<Finding[]>((resolve, reject) => {
    let findings: Finding[] | undefined;
    worker.once('message', (f: Finding[]) => (findings = f));
    worker.once('error', reject);
    worker.once('exit', (code) => (findings ? resolve(findings) : reject(new Error(`the lint thread stopped (exit ${code}) before it finished`))));
  });
  // Settled early or late, a rejection is only reported where the findings are read.
  done.catch(() => {});
  return {
    findings() {
      worker.ref();
      return done;
    },
  };
}
