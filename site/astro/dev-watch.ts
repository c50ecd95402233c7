// What the dev server's file watcher leaves alone. Vite watches its whole root, and the root of `candor preview`
// and `astro dev` is the Candor app: in a fork-style site or Candor's own checkout that folder also holds built
// mirrors (dist/, thousands of pages per mirror), the test and bench outputs, the docs. Watching them cost the
// preview seconds to start at 1,000 incidents and, once the watches ran out (ENOSPC), a first page that waited a
// minute. The dev server needs only the app's own code and the content it reloads (source.ts); the rest is output
// or tooling that no page imports.
import { isAbsolute, join, relative, sep } from 'node:path';

/** Top-level entries of the app a dev server reads: its pages, styles and model, and its configuration files. */
const APP_ENTRIES = new Set(['site', 'astro.config.mjs', 'package.json', 'tsconfig.json']);

/** Whether a path relative to a folder leads out of it. */
const outside = (rel: string) => rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
const within = (parent: string, path: string) => !outside(relative(parent, path));

/**
 * Whether the watcher skips `path`: anything inside the app root except its own code, the watched content (when
 * the content lives in the app's folder, as in a fork-style site) and the folders on the way to it. Paths outside
 * the app root are not this rule's business.
 */
export function devWatchIgnored(appRoot: string, contentRoot: string, watched: readonly string[]): (path: string) => boolean {
  const content = watched.map((w) => join(contentRoot, w));
  return (path) => {
    const rel = relative(appRoot, path);
    if (rel === '' || outside(rel)) return false;
    const top = rel.split(sep)[0]!;
    if (APP_ENTRIES.has(top) || top.startsWith('.env')) return false;
    // Inside watched content, or a folder on the way to it.
    return !content.some((c) => within(c, path) || within(path, c));
  };
}
