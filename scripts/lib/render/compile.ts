// The compiled app: every page, layout and style of the site built once by Astro (server output, our render
// adapter) into modules the render workers import. It depends on the code alone — no content, no mirror, no
// moment — so it is built once per code digest (scripts/lib/reuse.ts codeDigest) and kept: an incident update never
// bundles anything again. CI keeps the same folder in the Actions cache under the same key.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_DIR } from '../app-dir.ts';
import { alive } from '../staging.ts';
import type { CompileRequest } from './compile-child.ts';

/** Compiled apps by code digest; a few are kept, so switching branches back and forth compiles nothing. */
export const APPS_DIR = join(APP_DIR, 'node_modules', '.cache', 'candor', 'app');
const KEEP = 3;

export interface CompiledApp {
  /** The server entry the workers import (site/astro/render-entry.ts, compiled). */
  entry: string;
  /** Files every mirror serves as they are (site/public), and any client assets Astro emitted. */
  client: string;
  /** Whether this build compiled it (false: an earlier build for the same code did). */
  compiled: boolean;
}

export async function compiledApp(code: string): Promise<CompiledApp> {
  const dir = join(APPS_DIR, code);
  const found = (compiled: boolean): CompiledApp => ({ entry: join(dir, 'server', 'entry.mjs'), client: join(dir, 'client'), compiled });
  if (existsSync(join(dir, 'server', 'entry.mjs'))) return found(false);
  mkdirSync(APPS_DIR, { recursive: true });
  removeAbandoned();
  // Compiled beside its final place and renamed into it, so a compile killed half-way is never taken for a whole one.
  const work = `${dir}.${process.pid}.tmp`;
  rmSync(work, { recursive: true, force: true });
  await compileInto(join(work, 'out'), join(work, 'cache'));
  rmSync(join(work, 'cache'), { recursive: true, force: true });
  // Astro moves public files to the client folder; no page may link an asset by the app's own base (`/`).
  if (existsSync(join(work, 'out', 'client', '_astro'))) throw new Error('the compiled app emitted client assets (_astro/): pages must inline their scripts and styles, since each mirror has its own base path');
  try {
    renameSync(join(work, 'out'), dir);
  } catch (e) {
    // Another build of the same code got there first: theirs is as good as ours.
    if (!existsSync(join(dir, 'server', 'entry.mjs'))) throw e;
  }
  rmSync(work, { recursive: true, force: true });
  prune(code);
  return found(true);
}

function compileInto(outDir: string, cacheDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // .ts in the repository, .js in an installed package (pack/node-js.ts): the child is this module's twin.
    const child = fork(fileURLToPath(new URL(`./compile-child${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url)), [], {
      cwd: APP_DIR,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.send({ outDir, cacheDir } satisfies CompileRequest);
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`compiling the site's pages failed (exit ${code}):\n${output.trim().split('\n').slice(-30).join('\n')}`))));
  });
}

/** Work folders of compiles whose process is gone. */
function removeAbandoned(): void {
  for (const entry of readdirSync(APPS_DIR)) {
    const pid = Number(/\.(\d+)\.tmp$/.exec(entry)?.[1]);
    if (pid && !alive(pid)) rmSync(join(APPS_DIR, entry), { recursive: true, force: true });
  }
}

/** Keeps the newest few compiled apps besides the current one. */
function prune(current: string): void {
  const apps = readdirSync(APPS_DIR)
    .filter((e) => !e.endsWith('.tmp') && e !== current)
    .map((e) => ({ e, t: statSync(join(APPS_DIR, e)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  // An app compiled in the last hour may be rendering in another build (another checkout sharing node_modules).
  const inUse = Date.now() - 60 * 60 * 1000;
  for (const { e, t } of apps.slice(KEEP - 1)) if (t < inUse) rmSync(join(APPS_DIR, e), { recursive: true, force: true });
}
