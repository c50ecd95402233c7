// A built mirror served the way a phone on a poor network receives it: each page's HTML arrives in two parts, with
// a pause between them, so the browser paints the first part before it has parsed the rest. Anything a script adds
// to what was already painted then shows as layout shift, every time, instead of only on a busy machine.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import sirv from 'sirv';

export async function serveInTwoParts(dir: string, base: string, pauseMs = 600): Promise<{ server: Server; url: string }> {
  const serve = sirv(dir, { dev: true });
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!path.startsWith(base)) return void res.writeHead(302, { location: base }).end();
    const rest = path.slice(base.length);
    const page = join(dir, rest.endsWith('/') || rest === '' ? `${rest}index.html` : rest);
    if (!page.endsWith('.html') || !statSync(page, { throwIfNoEntry: false })?.isFile()) {
      req.url = `/${rest}`;
      return serve(req, res, () => void res.writeHead(404).end());
    }
    const html = readFileSync(page);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    const half = Math.floor(html.length / 2);
    res.write(html.subarray(0, half));
    await sleep(pauseMs);
    res.end(html.subarray(half));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}` };
}
