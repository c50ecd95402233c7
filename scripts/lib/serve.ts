// A static server for a built mirror, mounted at the mirror's base path like its real host.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export async function serveDir(dir: string, base: string, port = 0, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  const serve = sirv(dir, { dev: true, etag: true });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.writeHead(302, { location: base }).end();
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    serve(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
  });
  await new Promise<void>((ok) => server.listen(port, host, ok));
  const address = server.address() as AddressInfo;
  return { server, url: `http://${host}:${address.port}${base}` };
}
