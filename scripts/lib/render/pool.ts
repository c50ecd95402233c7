// The render threads of one build: one per core but one, and the last core's too when many pages wait (a large
// first build), started with the build's snapshot, each rendering pages of every mirror in turn (worker.ts). A
// mirror's pages are split into shares, so a mirror with five languages does not render on one core while the
// others wait; shares of all mirrors queue for the next free thread, which takes the share with the most pages to
// render first. In the order mirrors reached their rendering, the largest mirror, whose keys take longest, came
// last: its shares and then its linking, search index and removal of the old folder ran alone at the end (a
// four-mirror rebuild at 1,000 incidents ended 1.7 s after the last small mirror).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../../../site/model/lint/index.ts';
import type { LintResult, LintTask, RenderTask, TaskResult, ThreadSetup, ThreadTask } from './worker.ts';

// .ts in the repository, .js in an installed package (pack/node-js.ts): the worker is this module's twin.
const WORKER = new URL(`./worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);

/** The most threads that render at once: one per core. */
export const THREADS = Math.max(1, availableParallelism());

/**
 * The threads a pool starts with: one per core but one. The build's own thread works throughout (loading the
 * content, the pages' keys, linking what is kept, swapping outputs) and Pagefind's processes index each mirror once
 * it is rendered; on 2 cores a second render thread only competed with them, and its start (loading the app and the
 * snapshot, warming up) cost more than it rendered. Measured on 2 cores, one thread against two, in pairs: one
 * update at 1,000 incidents × 0.94 in time, × 0.84 in CPU, 421 → 347 MiB; the one-mirror cold build of the
 * imported cState history × 0.95 and × 0.84; the four mirrors' cold build at 1,000 × 0.98 and × 0.81.
 */
export const firstThreads = (threads: number) => Math.max(1, threads - 1);

/**
 * Pages waiting for a thread that start the last one: a cold build of a large history, where rendering is most of
 * the build (at 5,000 incidents, 79 s with two threads against 90 s with one). 4,000 pages are about 6 s of one
 * thread's work, against about 0.8 s of CPU to start one.
 */
export const PAGES_FOR_ANOTHER_THREAD = 4_000;

export interface MirrorRender {
  rendered: number;
  files: string[];
}

interface Queued {
  task: ThreadTask;
  /** Pages this share is expected to render: the queue hands out the largest first. */
  pages: number;
  resolve: (r: TaskResult | LintResult) => void;
  reject: (e: Error) => void;
}

/** What the pool needs of a thread: a Worker, or a stand-in in tests. */
export type ThreadWorker = Pick<Worker, 'on' | 'postMessage' | 'terminate'>;

interface Thread {
  worker: ThreadWorker;
  loaded: boolean;
  busy?: Queued;
}

export interface RenderPool {
  /** The most threads that render at once: mirrors are cut into shares for this many. */
  threads: number;
  /**
   * Renders one mirror's pages, except `task.skip`, into `task.outDir`, in `shares` tasks; `pages` (how many it is
   * expected to render) puts its shares in the queue.
   */
  renderMirror(task: Omit<RenderTask, 'kind' | 'shard' | 'shards'>, shares: number, pages: number): Promise<MirrorRender>;
  /**
   * The linter's findings on the site the threads render (worker.ts LintTask). The first thread free takes it before
   * any page: the longest task first, so it does not end the build alone.
   */
  lint(task: Omit<LintTask, 'kind'>): Promise<Finding[]>;
  /** Stops the threads; the pool takes no more work. */
  close(): Promise<void>;
}

/** Removes and returns the share with the most pages to render; among equals, the one queued first. */
export function takeLargest<T extends { pages: number }>(queue: T[]): T | undefined {
  if (!queue.length) return undefined;
  const at = queue.reduce((best, q, i) => (q.pages > queue[best]!.pages ? i : best), 0);
  return queue.splice(at, 1)[0];
}

// A young generation of 16 MB: at 4 MB, collecting it was 15-20 % of a thread's time (every page makes
// short-lived strings); 32 MB saved little more and cost each thread 70 MB.
const renderThread = (data: ThreadSetup): ThreadWorker => new Worker(WORKER, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 16 } });

/**
 * Starts the threads, which load the app and the site while the build prepares its first mirror: `first` of them at
 * once, and up to `threads` when the pages waiting call for it.
 */
export interface PoolOptions {
  /** The most threads (default: one per core). */
  threads?: number;
  /** Threads started at once (default: `firstThreads(threads)`). */
  first?: number;
  /** Starts a thread: a Worker, or a stand-in in tests. */
  spawn?: (data: ThreadSetup) => ThreadWorker;
}

export function renderPool(setup: Omit<ThreadSetup, 'index'>, { threads = THREADS, first = firstThreads(threads), spawn = renderThread }: PoolOptions = {}): RenderPool {
  const queue: Queued[] = [];
  const pool: Thread[] = [];
  let closed = false;
  /** Why no thread can render: the app or the site did not load. */
  let broken: Error | undefined;

  // One copy of the snapshot for every thread: workerData clones a plain array into each thread (about 40 MB each at
  // 5,000 incidents, kept for the thread's life), while a SharedArrayBuffer is shared by all of them. The build's
  // snapshot is written in shared memory already (model/snapshot.ts); other bytes are copied there once.
  const snapshot = setup.snapshot.buffer instanceof SharedArrayBuffer ? setup.snapshot : new Uint8Array(new SharedArrayBuffer(setup.snapshot.byteLength));
  if (snapshot !== setup.snapshot) snapshot.set(setup.snapshot);

  const start = (index: number): Thread => {
    const thread: Thread = { worker: spawn({ ...setup, snapshot, index }), loaded: false };
    thread.worker.on('message', (r: TaskResult | LintResult | 'loaded') => {
      if (r === 'loaded') {
        thread.loaded = true;
        return next(thread);
      }
      const done = thread.busy!;
      thread.busy = undefined;
      if (r.ok) done.resolve(r);
      else done.reject(new Error(r.message));
      next(thread);
    });
    let failure: Error | undefined;
    thread.worker.on('error', (e) => (failure = e));
    thread.worker.on('exit', (code) => {
      if (closed) return;
      const error = failure ?? new Error(`render thread stopped (exit ${code}) before it finished`);
      thread.busy?.reject(error);
      thread.busy = undefined;
      // A thread that could not load the app: no other would, so every waiting task fails with its reason.
      if (!thread.loaded) {
        broken = error;
        for (const item of queue.splice(0)) item.reject(error);
        return;
      }
      // One that died later (out of memory, say) failed only its task: a new one takes its place for the tasks
      // still waiting, which may be other mirrors'.
      const replacement = start(index);
      pool[pool.indexOf(thread)] = replacement;
      next(replacement);
    });
    return thread;
  };

  // A thread takes work once it has loaded the app, not when the work is queued. Loading takes about 0.5 s, while
  // the build prepares every mirror: a thread handed whatever came first (the small mirrors, whose keys and listings
  // are quick) left the largest to start last and end the build alone; by the time it has loaded, every mirror is
  // queued and it takes the largest.
  const next = (thread: Thread) => {
    if (thread.busy || closed || !thread.loaded) return;
    const item = takeLargest(queue);
    if (!item) return;
    thread.busy = item;
    thread.worker.postMessage(item.task);
  };

  for (let i = 0; i < Math.min(first, threads); i++) pool.push(start(i));
  /** Pages queued and not yet handed to a thread (the linter's task counts none). */
  const waiting = () => queue.reduce((n, q) => n + (Number.isFinite(q.pages) ? q.pages : 0), 0);

  const run = (task: ThreadTask, pages: number) =>
    new Promise<TaskResult | LintResult>((resolve, reject) => {
      if (closed || broken) return reject(broken ?? new Error('the render threads were stopped'));
      queue.push({ task, pages, resolve, reject });
      if (pool.length < threads && waiting() >= PAGES_FOR_ANOTHER_THREAD) pool.push(start(pool.length));
      const idle = pool.find((t) => t.loaded && !t.busy);
      if (idle) next(idle);
    });

  return {
    threads,
    async renderMirror(task, shares, pages) {
      // Every share is waited for, failed or not: none may write on into a staging folder the failure removes.
      const settled = await Promise.allSettled(Array.from({ length: shares }, (_, shard) => run({ ...task, kind: 'render', shard, shards: shares }, pages / shares)));
      const failed = settled.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
      const results = settled.map((s) => (s as PromiseFulfilledResult<MirrorRender>).value);
      return { rendered: results.reduce((n, r) => n + r.rendered, 0), files: results[0]!.files };
    },
    async lint(task) {
      return ((await run({ ...task, kind: 'lint' }, Infinity)) as { findings: Finding[] }).findings;
    },
    async close() {
      closed = true;
      for (const item of queue.splice(0)) item.reject(new Error('the render threads were stopped'));
      await Promise.all(pool.map((t) => t.worker.terminate()));
    },
  };
}
