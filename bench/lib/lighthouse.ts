// Lighthouse (mobile, its default) on the home page, an open incident and History of every mirror, served from
// the built output by a loopback server at the mirror's base path, in Debian's Chromium. About 30 s a page here,
// so only the largest size is audited.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { basePath } from '../../site/lib/urls.ts';
import type { MirrorConfig } from '../../site/model/schema/config.ts';
import { chromiumPath } from '../../scripts/lib/browser.ts';
import { serveDir } from '../../scripts/lib/serve.ts';
import { REPO } from './build.ts';

const run = promisify(execFile);
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseScore {
  mirror: string;
  page: string;
  /** 0–100 per category. */
  scores: Record<(typeof CATEGORIES)[number], number>;
}

async function audit(url: string): Promise<LighthouseScore['scores']> {
  const { stdout } = await run(
    join(REPO, 'node_modules', '.bin', 'lighthouse'),
    [url, '--output=json', '--quiet', `--only-categories=${CATEGORIES.join(',')}`, '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
    { env: { ...process.env, CHROME_PATH: chromiumPath() }, maxBuffer: 64 * 1024 * 1024 },
  );
  const lhr = JSON.parse(stdout) as { categories: Record<string, { score: number | null }> };
  return Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as LighthouseScore['scores'];
}

/** Audits `pages` (routes under the mirror's base, e.g. `incidents/x/`) of each mirror's output in `out`. */
export async function lighthouseScores(out: string, mirrors: MirrorConfig[], pages: Record<string, string>, log: (line: string) => void): Promise<LighthouseScore[]> {
  const results: LighthouseScore[] = [];
  for (const mirror of mirrors) {
    const { server, url } = await serveDir(join(out, mirror.id), basePath(mirror));
    try {
      for (const [page, route] of Object.entries(pages)) {
        const scores = await audit(new URL(route, url).href);
        log(`  lighthouse ${mirror.id} ${page}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}`);
        results.push({ mirror: mirror.id, page, scores });
      }
    } finally {
      server.close();
    }
  }
  return results;
}
