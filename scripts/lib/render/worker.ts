// A render worker: one thread that renders pages of one mirror from the compiled app (compile.ts). It hands the
// pages their run (site/astro/options.ts) before the app loads, so every module of the app in this thread belongs
// to that mirror; the pages it is given are written straight into the mirror's staging folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { handOver, type CandorRun } from '../../../site/astro/options.ts';
import { fileOf } from './files.ts';
import { span } from '../timings.ts';

export interface WorkerTask {
  /** The compiled app's server entry. */
  entry: string;
  run: CandorRun;
  /** Where this mirror's pages go. */
  outDir: string;
  /** Files (relative to outDir) the build takes from the previous output instead. */
  skip: string[];
  /** This worker renders every `shards`-th page to render, starting at `shard`. */
  shard: number;
  shards: number;
  /** Test-only: a module whose default export is called with each path before it renders (a crashing renderer). */
  fault?: string;
}

export interface WorkerResult {
  rendered: number;
  /** Every file the mirror's pages make, rendered or not: the manifest and the search index use it. */
  files: string[];
}

interface EntryModule {
  app: { render(request: Request, options: { routeData: unknown }): Promise<Response> };
  pagePaths(): Promise<{ pathname: string; route: { type: string } }[]>;
}

const task = workerData as WorkerTask;
handOver(task.run);
const { app, pagePaths } = await span(`${task.run.mirror} thread ${task.shard}: load the app`, async () => (await import(pathToFileURL(task.entry).href)) as EntryModule);
const fault = task.fault ? ((await import(task.fault)) as { default: (path: string) => void }).default : undefined;
const skip = new Set(task.skip);
const all = (await span(`${task.run.mirror} thread ${task.shard}: list pages`, pagePaths)).map((p) => ({ ...p, file: fileOf(p.pathname, p.route.type) }));
const todo = all.filter((p) => !skip.has(p.file)).filter((_, i) => i % task.shards === task.shard);
const made = new Set<string>();
const started = performance.now();
for (const page of todo) {
  fault?.(page.pathname);
  // The app matches paths within the mirror: its base is `/` (site/astro/config.ts compiledConfig).
  const response = await app.render(new Request(`http://mirror.invalid${page.pathname}`), { routeData: page.route });
  // The not-found page says so in its status, as its host will when it serves it.
  if (response.status !== (page.file === '404.html' ? 404 : 200)) throw new Error(`${page.pathname}: the page answered ${response.status}\n${await response.text()}`);
  const path = join(task.outDir, page.file);
  const dir = dirname(path);
  // Written in place: this thread has nothing else to do meanwhile, and a promise per file cost more than the write.
  const body = new Uint8Array(await response.arrayBuffer());
  if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
  writeFileSync(path, body);
}
if (process.env.CANDOR_TIMINGS) console.error(`[timing] ${task.run.mirror} thread ${task.shard}: render ${todo.length} pages: ${((performance.now() - started) / 1000).toFixed(2)} s`);
parentPort!.postMessage({ rendered: todo.length, files: all.map((p) => p.file) } satisfies WorkerResult);
