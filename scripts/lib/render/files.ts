// Where a rendered path is written within a mirror's folder, as a static host serves it: a page at `incidents/x/`
// as `incidents/x/index.html` (Astro's `directory` format), an endpoint (`rss.xml`, `api/v2/summary.json`) at its
// own path, and the not-found page as `404.html`, where hosts look for it; and how it is written there.
import { unlinkSync, writeFileSync } from 'node:fs';

export function fileOf(pathname: string, type: string): string {
  const path = decodeURI(pathname).replace(/^\/+/, '');
  if (type !== 'page') return path;
  if (path === '404' || path === '404/') return '404.html';
  return `${path.replace(/\/?$/, '/')}index.html`.replace(/^\//, '');
}

/**
 * Writes a page as a new file. A spare's files that stay are the served output's own (hard links, spare.ts), so
 * a file already at the path is unlinked, never written into: whatever listing the spare was prepared from, the
 * live site cannot change through it.
 */
export function writeNew(path: string, body: Uint8Array): void {
  try {
    writeFileSync(path, body, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    unlinkSync(path);
    writeFileSync(path, body, { flag: 'wx' });
  }
}
