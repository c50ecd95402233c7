// Runs `astro build` for one mirror in its own process: separate memory, and mirrors can build in parallel.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alive } from './staging.ts';

/** The repository that holds astro.config.mjs and site/ (not necessarily the content root). */
export const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ASTRO_BIN = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

export interface AstroBuild {
  root: string;
  mirror: string;
  now: Date;
  outDir: string;
  cacheDir: string;
  /** The loaded site, serialised by the parent (model/snapshot.ts), so the child does not read the content again. */
  snapshot?: string;
  /** A JSON list of page files the build leaves out, because they are reused from the previous output. */
  skip?: string;
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
    // A young generation of 4 MB instead of V8's default keeps each build about 100 MB smaller at thousands of
    // incidents, at no measurable cost in time (two of these run at once, and 2 GB must hold them all).
    const child = spawn(process.execPath, ['--max-semi-space-size=4', ASTRO_BIN, 'build', '--root', APP_DIR, '--silent'], {
      cwd: work,
      env: {
        ...process.env,
        CANDOR_ROOT: b.root,
        CANDOR_MIRROR: b.mirror,
        CANDOR_NOW: b.now.toISOString(),
        CANDOR_OUT_DIR: b.outDir,
        CANDOR_CACHE_DIR: b.cacheDir,
        CANDOR_PARENT_PID: String(process.pid),
        CANDOR_VITE_CACHE_DIR: join(work, 'vite'),
        CANDOR_SNAPSHOT: b.snapshot ?? '',
        CANDOR_SKIP: b.skip ?? '',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
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
