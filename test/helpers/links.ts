// Crawls a built site as its host serves it (at its base path) with linkinator: every broken link or
// anchor, and every page that no link leads to. Used for the status site's outputs and the docs site.
import { LinkChecker } from 'linkinator';
import { readdirSync } from 'node:fs';
import { serveDir } from '../../scripts/lib/serve.ts';

/** Problems as readable lines; `skipPage` exempts pages (by path under `dir`) from having to be reached. */
export async function linkProblems(dir: string, base: string, skipPage: (file: string) => boolean = () => false): Promise<string[]> {
  const { server, url } = await serveDir(dir, base);
  try {
    const result = await new LinkChecker().check({
      path: url,
      recurse: true,
      checkFragments: true,
      concurrency: 20,
      // Only this site's own pages: other hosts and real-world URLs are not reachable here, nor ours to check.
      linksToSkip: async (link) => !link.startsWith(url),
    });
    const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.status} ${l.url} (from ${l.parent})`);
    const reached = new Set(result.links.filter((l) => l.state === 'OK').map((l) => new URL(l.url).pathname));
    const unreached = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('index.html') && !skipPage(f))
      .map((f) => `${base}${f.replace(/index\.html$/, '')}`)
      .filter((p) => !reached.has(p))
      .map((p) => `no link leads to ${p}`);
    return [...broken, ...unreached];
  } finally {
    server.close();
  }
}
