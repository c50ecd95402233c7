// Where the installed Candor keeps what the deploy workflow needs, for a reusable workflow that runs in any
// repository: in Candor's own checkout these are under the repository root, in a site under node_modules/candor.
// The workflow cannot name them by `./` (that is the caller's checkout), so it asks the package that is running.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { APP_DIR } from '../lib/app-dir.ts';
import { codeDigest } from '../lib/reuse.ts';

/** The deploy tools' package.json and lockfile, shipped in the npm package (package.json "files"). */
export const DEPLOY_TOOLS_DIR = join(APP_DIR, '.github', 'deploy-tools');
/** The build's caches: compiled app, page keys, parsed content (scripts/lib/render/compile.ts, reuse.ts, content-cache.ts). */
export const CACHE_DIR = join(APP_DIR, 'node_modules', '.cache', 'candor');

export interface CandorPaths {
  /** Absolute: `npm ci --prefix` installs the tools beside their lockfile. */
  deploy_tools: string;
  /** Relative to `cwd`, the workspace: actions/cache keys the paths it saves, and the workspace's absolute path is the runner's. */
  cache: string;
  /**
   * The digest the compiled app is kept under (scripts/lib/reuse.ts codeDigest), for the workflow's cache key: a
   * key made of other files (the code, the lockfile, .nvmrc) missed what the digest holds, so after a Node patch
   * release every deploy compiled the app again while the old key still hit, and the new app was never saved.
   */
  code: string;
}

/** The paths, or the files that are missing (an install that lost them cannot deploy with pinned tools). */
export function candorPaths(cwd: string): { paths: CandorPaths } | { missing: string[] } {
  const missing = ['package.json', 'package-lock.json'].map((f) => join(DEPLOY_TOOLS_DIR, f)).filter((f) => !existsSync(f));
  if (missing.length) return { missing };
  return { paths: { deploy_tools: DEPLOY_TOOLS_DIR, cache: relative(cwd, CACHE_DIR) || '.', code: codeDigest() } };
}
