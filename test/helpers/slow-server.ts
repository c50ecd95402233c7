// A built mirror served the way a phone on a poor network receives it: each page's HTML arrives in two parts, with
// a pause between them, so the browser paints the first part before it has parsed the rest. Anything a script adds
// to what was already painted then shows as layout shift, every time, instead of only on a busy machine.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { listen, mirrorFiles } from '../../scripts/lib/serve.ts';

// `splitAfter` cuts each page right after the first occurrence of that text instead of at its middle: the parser
// can pause anywhere, and a test can name the place a busy machine only sometimes hits.
export async function serveInTwoParts(dir: string, base: string, { pauseMs = 600, splitAfter }: { pauseMs?: number; splitAfter?: string } = {}) {
  const files = mirrorFiles(dir, base);
  // The HTML file a request under `base` names, if it is one; everything else is served as usual.
  const pageOf = (url = '/') => {
    const path = new URL(url, 'http://x').pathname;
    if (!path.startsWith(base)) return undefined;
    const rest = path.slice(base.length);
    const file = join(dir, rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest);
    return file.endsWith('.html') && statSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
  };
  return listen(async (req, res) => {
    const page = pageOf(req.url);
    if (!page) return files(req, res);
    const html = readFileSync(page);
    const at = splitAfter === undefined ? -1 : html.indexOf(splitAfter);
    // A page without the named text answers 500, so the test that named it fails rather than measures something else.
    if (splitAfter !== undefined && at < 0) return res.writeHead(500).end(`${page} has no ${JSON.stringify(splitAfter)}`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    const half = at < 0 ? Math.floor(html.length / 2) : at + Buffer.byteLength(splitAfter!);
    res.write(html.subarray(0, half));
    await sleep(pauseMs);
    res.end(html.subarray(half));
  }, base);
}
