// A built mirror served the way a phone on a poor network receives it: each page's HTML arrives in two parts, with
// a pause between them, so the browser paints the first part before it has parsed the rest. Anything a script adds
// to what was already painted then shows as layout shift, every time, instead of only on a busy machine.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { listen, mirrorFiles } from '../../scripts/lib/serve.ts';

export async function serveInTwoParts(dir: string, base: string, pauseMs = 600) {
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
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    const half = Math.floor(html.length / 2);
    res.write(html.subarray(0, half));
    await sleep(pauseMs);
    res.end(html.subarray(half));
  }, base);
}
