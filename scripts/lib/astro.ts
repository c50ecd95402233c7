// Runs `astro build` for one mirror in its own process: separate memory, and mirrors can build in parallel.
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { APP_DIR } from './app-dir.ts';
import type { ChildRequest } from './astro-child.ts';
import { alive } from './staging.ts';

export { APP_DIR };
const CHILD = join(APP_DIR, 'scripts', 'lib', 'astro-child.ts');

export interface AstroBuild {
  root: string;
  mirror: string;
  now: Date;
  outDir: string;
  /** The loaded site, serialised by the parent (model/snapshot.ts), so the child does not read the content again. */
  snapshot?: string;
  /** Page files the build leaves out, because they are reused from the previous output. */
  skip?: string[];
  /** Modules making more integrations for this build (see astro-child.ts). */
  integrations?: string[];
}

export interface AstroResult {
  ms: number;
}

const WORK_PREFIX = '.candor-build-';

/** Private folders of builds whose process is gone (killed before it could remove its own). */
function removeAbandonedWork(): void {
  const dir = join(APP_DIR, 'node_modules');
  for (const entry of readdirSync(dir)) {
    const pid = entry.startsWith(WORK_PREFIX) ? Number(/^\.candor-build-(\d+)-/.exec(entry)?.[1]) : 0;
    if (pid && !alive(pid)) rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

export function astroBuild(b: AstroBuild): Promise<AstroResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // Astro writes its prerender chunks to <outDir>/.prerender when outDir lies under the process's cwd, and
    // to a shared <cwd>/.astro/.prerender otherwise, where parallel builds break each other. The chunks import
    // packages, so they must stay inside the app. Each build therefore runs from a private folder in the app.
    removeAbandonedWork();
    const work = mkdtempSync(join(APP_DIR, 'node_modules', `${WORK_PREFIX}${process.pid}-`));
    // Astro's cache holds the content store it bundles into the build: a shared one (two sites with a mirror of
    // the same id, built at once) let one build publish the other's content. Each build gets its own, and the
    // content is cached across runs where it is safe, by folder digest (content-cache.ts).
    // A young generation of 4 MB instead of V8's default keeps each build about 100 MB smaller at thousands of
    // incidents, at no measurable cost in time (two of these run at once, and 2 GB must hold them all).
    const child = fork(CHILD, [], {
      cwd: work,
      execArgv: ['--max-semi-space-size=4'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const request: ChildRequest = {
      run: { root: b.root, mirror: b.mirror, now: b.now.toISOString(), outDir: b.outDir, cacheDir: join(work, 'astro'), viteCacheDir: join(work, 'vite'), snapshot: b.snapshot, skip: b.skip },
      integrations: b.integrations ?? [],
    };
    child.send(request);
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(work, { recursive: true, force: true });
      if (code === 0) {
        resolve({ ms: performance.now() - started });
      } else {
        reject(new Error(`astro build for mirror "${b.mirror}" failed (exit ${code}):\n${output.trim().split('\n').slice(-30).join('\n')}`));
      }
    });
  });
}

/** HTML pages written, counted from the output rather than parsed from Astro's log. */
export function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}
