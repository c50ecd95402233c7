// The bodies a build renders (site/model/prose.ts), on two cores when there are many: a fresh checkout, a first
// build or a new version of Candor renders every body of the history before any page, on the main thread alone
// while the other core waited (at 5,000 incidents, about 45,000 bodies). A thread renders part of them with the
// same pipeline (site/model/markdown.ts renderBody) while the main thread renders the rest.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderBody, type RenderedBody } from '../../../site/model/markdown.ts';
import { bodiesToRender, proseTable, renderProse, siteBodies, type ProseTable } from '../../../site/model/prose.ts';
import type { Site } from '../../../site/model/site.ts';

// .ts in the repository, .js in an installed package (pack/node-js.ts): the worker is this module's twin.
const WORKER = new URL(`./prose-worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);

/**
 * Below this many new bodies the main thread renders them alone: starting a thread and loading the pipeline into
 * it (about 0.3 s) costs more than it saves. An update brings a handful.
 */
const SHARED_FROM = 2_000;

/**
 * Of the bodies, the share the thread takes: less than half, since it first loads the pipeline while the main
 * thread already renders.
 */
const THREAD_SHARE = 0.45;

/**
 * The site's bodies rendered, taking those `known` holds (an earlier build's) as they are: renderProse, on two
 * cores. Measured on the bodies of a generated history, all new: 5,000 incidents (about 45,000 bodies) 6.7 -> 4.7
 * s; 1,000 incidents (5,568) 1.7 -> 1.4 s, where both threads spend much of their share warming up.
 */
export async function renderProseOnTwoCores(site: Site, known: ReadonlyMap<string, RenderedBody>, { sharedFrom = SHARED_FROM } = {}): Promise<ProseTable> {
  const bodies = siteBodies(site);
  const todo = bodiesToRender(bodies, known);
  if (todo.length < sharedFrom || availableParallelism() < 2) return renderProse(site, known);
  const split = Math.round(todo.length * (1 - THREAD_SHARE));
  const theirs = todo.slice(split);
  const worker = new Worker(WORKER, { workerData: theirs });
  const done = new Promise<RenderedBody[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the thread rendering bodies stopped (exit code ${code})`)));
  });
  const rendered = new Map(todo.slice(0, split).map((b) => [b, renderBody(b)]));
  try {
    (await done).forEach((r, i) => rendered.set(theirs[i]!, r));
  } finally {
    await worker.terminate();
  }
  return proseTable(bodies, known, rendered);
}
