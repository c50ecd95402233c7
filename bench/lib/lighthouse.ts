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
  /** Layout shift (CLS) and main-thread blocking (TBT, ms): a shift is ours to fix, blocking mostly the machine's load. */
  metrics: { cls: number; tbt: number };
  /** Audits left out of the scores on purpose, each with its reason; reported beside the scores. */
  skipped: { audit: string; reason: string }[];
}

/**
 * What Lighthouse checks that a mirror cannot own. Crawlers read robots.txt only at the host's root
 * (RFC 9309), so a mirror mounted under a path (https://example.cn/status/) neither serves nor controls it:
 * the host's owner does. Lighthouse would score whatever the host root answers, here our test server's redirect.
 */
export function exceptionsFor(mirror: MirrorConfig): LighthouseScore['skipped'] {
  const base = basePath(mirror);
  return base === '/' ? [] : [{ audit: 'robots-txt', reason: `mounted at ${base}: robots.txt is read only at the host root, which the mirror does not own` }];
}

async function audit(url: string, skipped: LighthouseScore['skipped']): Promise<Pick<LighthouseScore, 'scores' | 'metrics'>> {
  const skip = skipped.length ? [`--skip-audits=${skipped.map((s) => s.audit).join(',')}`] : [];
  const { stdout } = await run(
    join(REPO, 'node_modules', '.bin', 'lighthouse'),
    [url, '--output=json', '--quiet', `--only-categories=${CATEGORIES.join(',')}`, ...skip, '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
    { env: { ...process.env, CHROME_PATH: chromiumPath() }, maxBuffer: 64 * 1024 * 1024 },
  );
  const lhr = JSON.parse(stdout) as { categories: Record<string, { score: number | null }>; audits: Record<string, { numericValue?: number }> };
  const metric = (id: string) => Math.round((lhr.audits[id]?.numericValue ?? NaN) * 1000) / 1000;
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as LighthouseScore['scores'],
    metrics: { cls: metric('cumulative-layout-shift'), tbt: Math.round(metric('total-blocking-time')) },
  };
}

/** Audits `pages` (routes under the mirror's base, e.g. `incidents/x/`) of each mirror's output in `out`. */
export async function lighthouseScores(out: string, mirrors: MirrorConfig[], pages: Record<string, string>, log: (line: string) => void): Promise<LighthouseScore[]> {
  const results: LighthouseScore[] = [];
  for (const mirror of mirrors) {
    const { server, url } = await serveDir(join(out, mirror.id), basePath(mirror));
    const skipped = exceptionsFor(mirror);
    try {
      for (const [page, route] of Object.entries(pages)) {
        const { scores, metrics } = await audit(new URL(route, url).href, skipped);
        log(`  lighthouse ${mirror.id} ${page}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}; CLS ${metrics.cls}, TBT ${metrics.tbt} ms${skipped.map((s) => ` (not audited: ${s.audit}, ${s.reason})`).join('')}`);
        results.push({ mirror: mirror.id, page, scores, metrics, skipped });
      }
    } finally {
      server.close();
    }
  }
  return results;
}
