// Reusing unchanged pages of a mirror's previous output (the keys are in site/lib/reuse.ts).
//
// After a successful build, a manifest records each reusable page's key for that output folder, with the size and
// modification time of the file it wrote. The next build computes the keys again; pages whose key is unchanged and
// whose file is still the one recorded (same size, same modification second) are left out of the Astro build and
// hard-linked from the previous output into the staging folder, which then replaces it as before. A page edited
// or replaced by anything else does not match and is rendered again. The file fingerprints survive a cache that
// restores the folder with its timestamps (actions/cache does), so CI rebuilds only what changed, too. The
// manifest lives outside the output (hosts would publish it).
import { createHash } from 'node:crypto';
import { constants, existsSync, lstatSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { copyFile, link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { APP_DIR } from './app-dir.ts';
import { identity, listed } from './tree-listing.ts';

const MANIFEST_DIR = join(APP_DIR, 'node_modules', '.cache', 'candor', 'reuse');

/** A page's key, and the size and modification second of the file written for it. */
type PageRecord = [key: string, size: number, mtime: number];

/** A search bundle's signature (scripts/lib/search-index.ts), and the fingerprint of its entry file. */
export type BundleRecord = [signature: string, size: number, mtime: number];

export interface Manifest {
  version: 2;
  target: string;
  pages: Record<string, PageRecord>;
  /** The search bundles of the output, by name. */
  search?: Record<string, BundleRecord>;
}

/** Size and modification second, as a listing reads them (tree-listing.ts `listed`): one rounding for both. */
const fingerprint = (stat: Stats): [number, number] => {
  const { size, mtime } = listed(stat);
  return [size, mtime];
};

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
  // Installed in a site, Candor ships no lockfile: the site's pins the versions of Candor and of what it bundles.
  const site = installedIn(APP_DIR);
  if (site && existsSync(join(site, 'package-lock.json'))) h.update('site package-lock.json\0').update(readFileSync(join(site, 'package-lock.json'))).update('\0');
  h.update(JSON.stringify([process.versions.node, process.versions.icu, process.versions.tz, process.versions.unicode]));
  return h.digest('base64url');
}

/**
 * The project a package folder was installed into (`/site` for `/site/node_modules/candor`), if it was: the
 * outermost, which holds the lockfile also when Candor came in as a dependency of another package.
 */
export function installedIn(dir: string): string | undefined {
  const at = dir.indexOf(`${sep}node_modules${sep}`);
  return at >= 0 ? dir.slice(0, at) : undefined;
}

/** The file of a search bundle whose fingerprint stands for the bundle (Pagefind names the others by content). */
export const bundleEntry = (name: string) => join('pagefind', name, 'pagefind-entry.json');

const manifestFile = (target: string) => join(MANIFEST_DIR, `${createHash('sha256').update(target).digest('hex').slice(0, 32)}.json`);

/** The manifest of the output now in `target`, when it was recorded for it. */
export function previousManifest(target: string): Manifest | undefined {
  try {
    const previous = JSON.parse(readFileSync(manifestFile(target), 'utf8')) as Manifest;
    return previous.version === 2 && previous.target === target ? previous : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `file` in `target` is still the file a manifest recorded (a regular file of the same size and
 * modification second); if so, its identity goes into `identities`. lstat: a link put where the file was is not
 * the file.
 */
export function unchanged(target: string, file: string, record: [size: number, mtime: number], identities?: Map<string, string>): boolean {
  const stat = lstatSync(join(target, file), { throwIfNoEntry: false });
  if (!stat?.isFile()) return false;
  const [size, mtime] = fingerprint(stat);
  if (size !== record[0] || mtime !== record[1]) return false;
  identities?.set(file, identity(stat));
  return true;
}

/**
 * Pages whose key is unchanged and whose file in the served output (`target`) is the one recorded: the ones the
 * build may link instead. Their identities on disk go into `identities` (a spare may already hold the very files,
 * spare.ts). Each candidate is looked up by its path: at 5,000 incidents the five-language mirror's 35,000 kept
 * pages take about 0.13 s of stats, where a walk of the whole output (find, in a process of its own) cost 0.6 s
 * of CPU, nearly all of it the kernel reading the 35,000 folders, on a machine whose two cores a rebuild keeps busy.
 */
export function reusable(target: string, keys: Map<string, string>, previous: Manifest | undefined, identities?: Map<string, string>): string[] {
  if (!previous) return [];
  const kept: string[] = [];
  for (const [file, key] of keys) {
    const record = previous.pages[file];
    if (record?.[0] === key && unchanged(target, file, [record[1], record[2]], identities)) kept.push(file);
  }
  return kept;
}

/**
 * Links each reused page from the previous output into the new one (copies where links are not possible). A file
 * already in the way is unlinked first, never written into (it may be a file the served output shares, spare.ts).
 */
export async function linkPages(from: string, to: string, files: string[]): Promise<void> {
  await Promise.all([...new Set(files.map((f) => dirname(join(to, f))))].map((dir) => mkdir(dir, { recursive: true })));
  const place = (f: string) => link(join(from, f), join(to, f)).catch(() => copyFile(join(from, f), join(to, f), constants.COPYFILE_EXCL));
  await Promise.all(
    files.map((f) =>
      place(f).catch(async (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
        await unlink(join(to, f));
        await place(f);
      }),
    ),
  );
}

/**
 * Records the keys and file fingerprints of the output now in `target`, and its search bundles. Called after the
 * swap. Pages linked from the previous output are the very files `previous` recorded (a link keeps size and
 * modification time), so their records are carried over: only rendered pages are looked at again (a stat of every
 * page was 0.7 s of the CLI's main thread in a four-mirror rebuild at 1,000 incidents).
 */
export async function writeManifest(target: string, keys: Map<string, string>, bundles: Record<string, string> = {}, linked: { files: string[]; previous?: Manifest } = { files: [] }): Promise<void> {
  await mkdir(MANIFEST_DIR, { recursive: true });
  const pages: Record<string, PageRecord> = {};
  const carried = new Set(linked.previous ? linked.files : []);
  for (const [file, key] of keys) {
    const record = carried.has(file) ? linked.previous!.pages[file] : undefined;
    if (record?.[0] === key) {
      pages[file] = record;
      continue;
    }
    const stat = statSync(join(target, file), { throwIfNoEntry: false });
    if (stat?.isFile()) pages[file] = [key, ...fingerprint(stat)];
  }
  const search: Record<string, BundleRecord> = {};
  for (const [name, signature] of Object.entries(bundles)) {
    const stat = statSync(join(target, bundleEntry(name)), { throwIfNoEntry: false });
    if (stat?.isFile()) search[name] = [signature, ...fingerprint(stat)];
  }
  const manifest: Manifest = { version: 2, target, pages, search };
  await writeFile(manifestFile(target), JSON.stringify(manifest));
}
