// Render threads for every mirror of a build, at most one per core at a time. A mirror's pages are split into
// shards, each rendered by a thread of its own (a thread serves one mirror: the run it was handed is its modules'),
// so a mirror with five languages does not render on one core while the others wait.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WorkerResult, WorkerTask } from './worker.ts';

// .ts in the repository, .js in an installed package (pack/node-js.ts): the worker is this module's twin.
const WORKER = new URL(`./worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);

/** How many threads render at once. */
export const THREADS = Math.max(1, availableParallelism());

let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= THREADS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function renderShard(task: WorkerTask): Promise<WorkerResult> {
  return slot(
    () =>
      new Promise((resolve, reject) => {
        // A young generation of 16 MB: at 4 MB, collecting it was 15-20 % of a thread's time (every page makes
        // short-lived strings); 32 MB saved little more and cost each thread 70 MB.
        const worker = new Worker(WORKER, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
        let result: WorkerResult | undefined;
        worker.once('message', (r: WorkerResult) => (result = r));
        worker.once('error', reject);
        worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`render thread stopped (exit ${code}) before it finished`))));
      }),
  );
}

export interface MirrorRender {
  rendered: number;
  files: string[];
}

/** Renders one mirror's pages, except `skip`, into `task.outDir`, in `shards` threads. */
export async function renderMirror(task: Omit<WorkerTask, 'shard' | 'shards'>, shards: number): Promise<MirrorRender> {
  // Every shard is waited for, failed or not: none may write on into a staging folder the failure removes.
  const settled = await Promise.allSettled(Array.from({ length: shards }, (_, shard) => renderShard({ ...task, shard, shards })));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const results = settled.map((s) => (s as PromiseFulfilledResult<WorkerResult>).value);
  return { rendered: results.reduce((n, r) => n + r.rendered, 0), files: results[0]!.files };
}
