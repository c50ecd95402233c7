// Candor as a site owner gets it: `npm pack` of this repository, installed from the tarball into a folder of its
// own. Packing and installing take ~45 s, so the install is kept in the system's temporary folder under
// candor-packed/<digest of the packed sources> (test/.out is emptied by every run's global setup) and shared by
// every test and run until the code changes. Packed from a staged copy, not the
// checkout: packing emits .js beside the .ts (pack/node-js.ts), which a CLI started from the checkout meanwhile
// would pick up.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './paths.ts';

/** What `npm pack` needs from the repository: the package's files plus its pack step. */
const PACKED_SOURCES = ['bin', 'scripts', 'site', 'init', 'pack', '.github/deploy-tools', 'package.json', 'tsconfig.json', 'tsconfig.pack.json', 'README.md'];
const NPM_QUIET = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

export interface InstalledCandor {
  /** The packed tarball. */
  tarball: string;
  /** A folder whose node_modules holds Candor installed from the tarball. */
  prefix: string;
  /** The tarball's file list. */
  files: string[];
}

function sourcesDigest(): string {
  const h = createHash('sha256');
  for (const top of PACKED_SOURCES) {
    const path = join(REPO, top);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? readdirSync(path, { recursive: true, encoding: 'utf8' }).map((f) => join(top, f)) : [top];
    for (const f of files.sort()) if (statSync(join(REPO, f)).isFile()) h.update(f).update('\0').update(readFileSync(join(REPO, f))).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
}

let installing: InstalledCandor | undefined;

export function installedCandor(): InstalledCandor {
  if (installing) return installing;
  const dir = join(tmpdir(), 'candor-packed', sourcesDigest());
  const done = () => ({ tarball: join(dir, 'candor.tgz'), prefix: dir, files: JSON.parse(readFileSync(join(dir, 'files.json'), 'utf8')) as string[] });
  if (existsSync(join(dir, 'files.json'))) return (installing = done());
  // Built beside its final place and renamed into it: a run killed half-way leaves nothing that looks whole.
  const work = `${dir}.${process.pid}.tmp`;
  mkdirSync(join(tmpdir(), 'candor-packed'), { recursive: true });
  rmSync(work, { recursive: true, force: true });
  const stage = join(work, 'stage');
  mkdirSync(stage, { recursive: true });
  for (const top of PACKED_SOURCES) if (existsSync(join(REPO, top))) cpSync(join(REPO, top), join(stage, top), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(stage, 'node_modules'));
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work, ...NPM_QUIET], stage)) as { filename: string; files: { path: string }[] }[];
  renameSync(join(work, packed!.filename), join(work, 'candor.tgz'));
  rmSync(stage, { recursive: true, force: true });
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'installed-candor', private: true, type: 'module' }));
  npm(['install', join(work, 'candor.tgz'), ...NPM_QUIET], work);
  writeFileSync(join(work, 'files.json'), JSON.stringify(packed!.files.map((f) => f.path)));
  try {
    renameSync(work, dir);
  } catch (e) {
    // Another test file installed the same code first: theirs is as good.
    if (!existsSync(join(dir, 'files.json'))) throw e;
    rmSync(work, { recursive: true, force: true });
  }
  prune(dir);
  return (installing = done());
}

/** Each install is ~220 MB: keep this one and the two newest others (other branches may be testing with them). */
function prune(current: string): void {
  const root = join(tmpdir(), 'candor-packed');
  const others = readdirSync(root)
    .filter((e) => !e.includes('.') && join(root, e) !== current)
    .map((e) => ({ path: join(root, e), time: statSync(join(root, e)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { path } of others.slice(2)) rmSync(path, { recursive: true, force: true });
}

/** Links an owner's folder to the installed Candor, as `npm install` would have left it (without the wait). */
export function linkInstalled(site: string): void {
  symlinkSync(join(installedCandor().prefix, 'node_modules'), join(site, 'node_modules'));
}

/** `npx candor …` in an owner's folder: the installed package's bin, found the way npm finds it. */
export function npxCandor(site: string, args: string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['--no-install', 'candor', ...args], { cwd: site, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
