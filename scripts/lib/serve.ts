// A static server for a built mirror, mounted at the mirror's base path like its real host.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** Answers requests for a mirror's files under `base`; anything outside it is sent to `base`. */
export function mirrorFiles(dir: string, base: string): RequestListener {
  const serve = sirv(dir, { dev: true, etag: true });
  return (req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.writeHead(302, { location: base }).end();
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    serve(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
  };
}

/** Listens with `handler` on a local port (any free one by default); the URL returned ends in `base`. */
export async function listen(handler: RequestListener, base: string, port = 0, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((ok) => server.listen(port, host, ok));
  const address = server.address() as AddressInfo;
  return { server, url: `http://${host}:${address.port}${base}` };
}

export const serveDir = (dir: string, base: string, port = 0, host = '127.0.0.1') => listen(mirrorFiles(dir, base), base, port, host);
