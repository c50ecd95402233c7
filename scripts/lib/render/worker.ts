// A render thread of one build: it is handed the build's run (the site snapshot and the moment) once, loads the
// compiled app (compile.ts) once, and then renders pages of every mirror in turn as the pool (pool.ts) hands it
// tasks. Before, each mirror had threads of its own, and each paid again for loading the app, reading the site and
// warming up the code: a thread's first pages took about 15 ms each, its later ones about 5 ms.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { handOver } from '../../../site/astro/options.ts';
import type { Finding, LintCache } from '../../../site/model/lint/index.ts';
import { fileOf, writeNew } from './files.ts';
import { reportSpan, span } from '../timings.ts';

/** What a thread is started with: the same for every mirror of the build. */
export interface ThreadSetup {
  /** The compiled app's server entry. */
  entry: string;
  /** The instant the pages describe (ISO 8601). */
  now: string;
  /** The loaded, validated site and its rendered bodies (site/model/snapshot.ts). */
  snapshot: Uint8Array;
  /** Its number, for timings. */
  index: number;
}

/** One share of one mirror's pages. */
export interface RenderTask {
  kind: 'render';
  mirror: string;
  /** Where this mirror's pages go. */
  outDir: string;
  /** Files (relative to outDir) the build takes from the previous output instead. */
  skip: string[];
  /** This task renders every `shards`-th page to render, starting at `shard`. */
  shard: number;
  shards: number;
  /** Test-only: a module whose default export is called with each path before it renders (a crashing renderer). */
  fault?: string;
}

/** Lint the site the thread renders, at its moment, keeping per-incident findings for the next build (lint/kept.ts). */
export interface LintTask {
  kind: 'lint';
  /** The site's folder and the code digest: where the kept findings are, and which version of the rules made them. */
  root: string;
  code: string;
}

export type ThreadTask = RenderTask | LintTask;

export type LintResult = { ok: true; findings: Finding[] } | { ok: false; message: string };

export type TaskResult =
  | {
      ok: true;
      rendered: number;
      /** Every file the mirror's pages make, rendered or not: the manifest and the search index use it. */
      files: string[];
    }
  | { ok: false; message: string };

interface EntryModule {
  app: { render(request: Request, options: { routeData: unknown }): Promise<Response> };
  pagePaths(): Promise<{ pathname: string; route: { type: string } }[]>;
  renderFor(mirror: string): void;
  lintSite(kept: LintCache): Finding[];
}

const setup = workerData as ThreadSetup;
handOver({ now: setup.now, snapshot: setup.snapshot, problems: [] });
const { app, pagePaths, renderFor, lintSite } = await span(`thread ${setup.index}: load the app`, async () => (await import(pathToFileURL(setup.entry).href)) as EntryModule);

async function perform(task: RenderTask): Promise<TaskResult> {
  const label = `${task.mirror} thread ${setup.index}`;
  renderFor(task.mirror);
  const fault = task.fault ? ((await import(task.fault)) as { default: (path: string) => void }).default : undefined;
  const skip = new Set(task.skip);
  const all = (await span(`${label}: list pages`, pagePaths)).map((p) => ({ ...p, file: fileOf(p.pathname, p.route.type) }));
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
    writeNew(path, body);
  }
  reportSpan(`${label}: render ${todo.length} pages`, performance.now() - started);
  return { ok: true, rendered: todo.length, files: all.map((p) => p.file) };
}

async function lintFor(task: LintTask): Promise<LintResult> {
  // Only the thread that lints loads what keeps the findings (files under node_modules/.cache).
  const { keptFindings } = await import('../lint/kept.ts');
  const kept = keptFindings(task.root, task.code);
  const findings = await span(`thread ${setup.index}: lint`, async () => lintSite(kept));
  // Saved before the findings are posted: the build ends once it has them.
  kept.save();
  return { ok: true, findings };
}

// One task at a time: the pool hands a thread its next task only when it has answered the last.
parentPort!.on('message', (task: ThreadTask) => {
  (task.kind === 'lint' ? lintFor(task) : perform(task)).then(
    (result) => parentPort!.postMessage(result),
    // A page that fails fails its mirror; the thread goes on with the next task, which may be another mirror's.
    (e: Error) => parentPort!.postMessage({ ok: false, message: e.message } satisfies TaskResult | LintResult),
  );
});
// The pool tells a thread that could not load the app (no task can succeed) from one that failed later.
parentPort!.postMessage('loaded');
