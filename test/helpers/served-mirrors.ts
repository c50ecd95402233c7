// Built mirrors served on local ports for the browser tests, each under the base path it is deployed at, and closed
// together when the file's tests end.
import type { Server } from 'node:http';
import { serveDir } from '../../scripts/lib/serve.ts';

export interface ServedMirrors {
  /** Serves one more folder under `base` (once per name) and returns its URL. */
  serve(name: string, dir: string, base: string): Promise<string>;
  /** The URL of a mirror served earlier. */
  url(name: string): string;
  close(): void;
}

export function servedMirrors(): ServedMirrors {
  const servers: Server[] = [];
  const urls = new Map<string, string>();
  return {
    async serve(name, dir, base) {
      const known = urls.get(name);
      if (known) return known;
      const { server, url } = await serveDir(dir, base);
      servers.push(server);
      urls.set(name, url);
      return url;
    },
    url(name) {
      const url = urls.get(name);
      if (!url) throw new Error(`no mirror named ${name} is served`);
      return url;
    },
    close: () => servers.forEach((s) => s.close()),
  };
}
