// The bodies a build renders (site/model/prose.ts), on the second core while the content is still loading. A fresh
// checkout, a first build or a new version of Candor renders every body of the history before any page. Before,
// that came after the loading, on two cores: the main thread read and parsed every folder while the other core
// waited, then both rendered. Now each folder read anew offers its new bodies here as soon as it is parsed; once
// there are enough to be worth a thread, a thread renders them while the main thread goes on reading, and when
// the loading ends the main thread takes its share of whatever is left.
//
// The two threads take bodies from one list by one counter in shared memory: each body is rendered once, by
// whichever thread gets to it first, and a thread that is ahead never waits for the other.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderBody, type RenderedBody } from '../../../site/model/markdown.ts';
import { incidentBodies, proseTable, siteBodies, type ProseTable } from '../../../site/model/prose.ts';
import type { Incident, Site } from '../../../site/model/site.ts';
import { claimNext, type BodiesMessage, type RenderedShare } from './prose-claim.ts';

// .ts in the repository, .js in an installed package (pack/node-js.ts): the worker is this module's twin.
const WORKER = new URL(`./prose-worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);

/**
 * New bodies seen before a thread is started. Starting it and loading the pipeline into it costs about 0.3 s of the
 * other core: an update brings a handful of bodies and never starts one; a first build reaches this within its
 * first hundred folders, so the thread is ready long before the loading ends.
 */
const START_AT = 500;

/** Bodies posted to the thread at a time: fewer messages, and the thread is never far behind what was read. */
const BATCH = 200;

export interface ProseSharing {
  /** An incident folder just read (not one the content cache gave back): its new bodies join the list. */
  offer(incident: Incident): void;
  /** Every body of the loaded site, rendered: those `known` held, and the list's, by either thread. */
  finish(site: Site): Promise<ProseTable>;
  /** Once finished: the bodies rendered, and how many of them the second thread rendered (for the build's timings). */
  readonly rendered: number;
  readonly byThread: number;
}

export interface SharingOptions {
  /** New bodies before a thread is started (tests start one from the first body). */
  startAt?: number;
}

/** Shares out the rendering of the bodies `known` (an earlier build's) does not hold, as folders are read. */
export function shareProse(known: ReadonlyMap<string, RenderedBody>, { startAt = START_AT }: SharingOptions = {}): ProseSharing {
  const list: string[] = [];
  const listed = new Set<string>();
  const counter = new Int32Array(new SharedArrayBuffer(4));
  let thread: { worker: Worker; failed: Promise<never> } | undefined;
  let posted = 0;

  const add = (body: string) => {
    if (!known.has(body) && !listed.has(body)) listed.add(body), list.push(body);
  };
  const post = (total?: number) => {
    thread!.worker.postMessage({ bodies: list.slice(posted), total } satisfies BodiesMessage);
    posted = list.length;
  };
  const start = () => {
    const worker = new Worker(WORKER, { workerData: counter.buffer });
    // It never keeps the process alive: a load that fails ends the build while the thread still renders.
    worker.unref();
    const failed = new Promise<never>((_, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the thread rendering bodies stopped (exit code ${code})`)));
    });
    failed.catch(() => {});
    thread = { worker, failed };
  };

  let byThread = 0;
  return {
    get rendered() {
      return list.length;
    },
    get byThread() {
      return byThread;
    },
    offer(incident) {
      for (const body of incidentBodies(incident)) add(body);
      if (!thread && list.length >= startAt && availableParallelism() > 1) start();
      if (thread && list.length - posted >= BATCH) post();
    },
    async finish(site) {
      const bodies = siteBodies(site);
      // Announcements, and folders the cache gave back whose bodies it did not keep, join the list now.
      for (const body of bodies) add(body);
      const rendered = new Map<string, RenderedBody>();
      if (!thread) {
        for (const body of list) rendered.set(body, renderBody(body));
        return proseTable(bodies, known, rendered);
      }
      const { worker, failed } = thread;
      worker.ref();
      const theirs = new Promise<RenderedShare>((resolve) => worker.once('message', resolve));
      post(list.length);
      try {
        for (let i = claimNext(counter, list.length); i >= 0; i = claimNext(counter, list.length)) rendered.set(list[i]!, renderBody(list[i]!));
        // A thread still starting when the loading ended took nothing: it is not waited for.
        if (rendered.size < list.length) for (const [i, body] of await Promise.race([theirs, failed])) rendered.set(list[i]!, body), byThread++;
      } finally {
        await worker.terminate();
      }
      return proseTable(bodies, known, rendered);
    },
  };
}
