// Reusing unchanged pages of a mirror's previous output (the keys are in site/lib/reuse.ts).
//
// After a successful build, a manifest records each reusable page's key for that output folder. The next build
// computes the keys again; pages whose key is unchanged and whose file is still there are left out of the Astro
// build and hard-linked from the previous output into the staging folder, which then replaces it as before.
// The manifest lives outside the output (hosts would publish it) and names the output folder's inode and birth
// time: a folder replaced or rebuilt by anything else does not match (even where the file system hands the same
// inode number to a new folder), and everything is rendered.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { APP_DIR } from './astro.ts';

const MANIFEST_DIR = join(APP_DIR, 'node_modules', '.cache', 'candor', 'reuse');

interface Manifest {
  target: string;
  inode: number;
  born: number;
  pages: Record<string, string>;
}

/**
 * Everything besides content and config that shapes a page: the site's code and styles, the Astro config, the
 * locked dependency versions, and the Node version with its ICU and time-zone data (dates are formatted by Intl).
 */
export function codeDigest(): string {
  const h = createHash('sha256');
  const files = [
    ...readdirSync(join(APP_DIR, 'site'), { recursive: true, encoding: 'utf8' }).map((f) => join('site', f)),
    'astro.config.mjs',
    'package-lock.json',
  ].sort();
  for (const f of files) {
    const path = join(APP_DIR, f);
    if (!existsSync(path) || !statSync(path).isFile()) continue;
    h.update(f).update('\0').update(readFileSync(path)).update('\0');
  }
  h.update(JSON.stringify([process.versions.node, process.versions.icu, process.versions.tz, process.versions.unicode]));
  return h.digest('base64url');
}

const manifestFile = (target: string) => join(MANIFEST_DIR, `${createHash('sha256').update(target).digest('hex').slice(0, 32)}.json`);

/** Pages of `target` whose key is unchanged: the ones the build may leave out and link instead. */
export function reusable(target: string, keys: Map<string, string>): string[] {
  if (process.env.CANDOR_FAULT_MIRROR) return []; // A fault-injection run must reach the pages it breaks.
  let previous: Manifest;
  try {
    previous = JSON.parse(readFileSync(manifestFile(target), 'utf8')) as Manifest;
    const folder = statSync(target);
    if (previous.target !== target || previous.inode !== folder.ino || previous.born !== folder.birthtimeMs) return [];
  } catch {
    return [];
  }
  return [...keys].filter(([file, key]) => previous.pages[file] === key && existsSync(join(target, file))).map(([file]) => file);
}

/** Links each reused page from the previous output into the new one (copies where links are not possible). */
export async function linkPages(from: string, to: string, files: string[]): Promise<void> {
  await Promise.all([...new Set(files.map((f) => dirname(join(to, f))))].map((dir) => mkdir(dir, { recursive: true })));
  await Promise.all(files.map((f) => link(join(from, f), join(to, f)).catch(() => copyFile(join(from, f), join(to, f)))));
}

/** Records the keys of the output now in `target`. Called after the swap, so the inode is the new folder's. */
export async function writeManifest(target: string, keys: Map<string, string>): Promise<void> {
  await mkdir(MANIFEST_DIR, { recursive: true });
  const folder = statSync(target);
  const manifest: Manifest = { target, inode: folder.ino, born: folder.birthtimeMs, pages: Object.fromEntries(keys) };
  await writeFile(manifestFile(target), JSON.stringify(manifest));
}
