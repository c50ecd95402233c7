// Lighthouse (mobile, its default) on the home page, an open incident and History of every mirror, served from
// the built output by a loopback server at the mirror's base path, in Debian's Chromium. About 30 s a run here,
// so only the largest size is audited. One run is noisy on a shared 2-core machine (the same page's blocking time
// ranged 32–163 ms from run to run), so each page is audited several times and scored by its median run, chosen
// the way Lighthouse's own tools do (computeMedianRun); every run's numbers are kept beside it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { basePath } from '../../site/lib/urls.ts';
import type { MirrorConfig } from '../../site/model/schema/config.ts';
import { chromiumPath } from '../../scripts/lib/browser.ts';
import { serveDir } from '../../scripts/lib/serve.ts';
import { REPO } from './build.ts';

const run = promisify(execFile);
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Runs per page. Lighthouse's guidance prefers 5; 3 keeps the audits of 12 pages near 20 minutes here. */
export const RUNS = 3;

export interface LighthouseScore {
  mirror: string;
  page: string;
  /** 0–100 per category. */
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Layout shift (CLS) and main-thread blocking (TBT, ms): a shift is ours to fix, blocking mostly the machine's load. */
  metrics: { cls: number; tbt: number };
  /** Audits left out of the scores on purpose, each with its reason; reported beside the scores. */
  skipped: { audit: string; reason: string }[];
  /** Every run's performance score and metrics, the median run's among them. */
  runs: { performance: number; cls: number; tbt: number }[];
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

type Lhr = { categories: Record<string, { score: number | null }>; audits: Record<string, { numericValue?: number }> };

async function auditOnce(url: string, skipped: LighthouseScore['skipped']): Promise<Lhr> {
  const skip = skipped.length ? [`--skip-audits=${skipped.map((s) => s.audit).join(',')}`] : [];
  const { stdout } = await run(
    join(REPO, 'node_modules', '.bin', 'lighthouse'),
    [url, '--output=json', '--quiet', `--only-categories=${CATEGORIES.join(',')}`, ...skip, '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
    { env: { ...process.env, CHROME_PATH: chromiumPath() }, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Lhr;
}

const scoresOf = (lhr: Lhr) => Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as LighthouseScore['scores'];
function metricsOf(lhr: Lhr): LighthouseScore['metrics'] {
  const metric = (id: string) => Math.round((lhr.audits[id]?.numericValue ?? NaN) * 1000) / 1000;
  return { cls: metric('cumulative-layout-shift'), tbt: Math.round(metric('total-blocking-time')) };
}

/** `runs` audits of one page, scored by the median run. A layout shift in any run counts: it is ours, not noise. */
export function medianOf(lhrs: Lhr[]): Pick<LighthouseScore, 'scores' | 'metrics' | 'runs'> {
  const median = computeMedianRun(lhrs as Parameters<typeof computeMedianRun>[0]) as unknown as Lhr;
  const runs = lhrs.map((l) => ({ performance: scoresOf(l).performance, ...metricsOf(l) }));
  return { scores: scoresOf(median), metrics: { ...metricsOf(median), cls: Math.max(...runs.map((r) => r.cls)) }, runs };
}

/** Audits `pages` (routes under the mirror's base, e.g. `incidents/x/`) of each mirror's output in `out`. */
export async function lighthouseScores(out: string, mirrors: MirrorConfig[], pages: Record<string, string>, log: (line: string) => void, runs = RUNS): Promise<LighthouseScore[]> {
  const results: LighthouseScore[] = [];
  for (const mirror of mirrors) {
    const { server, url } = await serveDir(join(out, mirror.id), basePath(mirror));
    const skipped = exceptionsFor(mirror);
    try {
      for (const [page, route] of Object.entries(pages)) {
        const lhrs: Lhr[] = [];
        for (let i = 0; i < runs; i++) lhrs.push(await auditOnce(new URL(route, url).href, skipped));
        const { scores, metrics, runs: each } = medianOf(lhrs);
        const perRun = each.map((r) => `${r.performance}/${r.tbt} ms`).join(', ');
        log(`  lighthouse ${mirror.id} ${page}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}; CLS ${metrics.cls}, TBT ${metrics.tbt} ms (median of ${runs}; performance/TBT per run: ${perRun})${skipped.map((s) => ` (not audited: ${s.audit}, ${s.reason})`).join('')}`);
        results.push({ mirror: mirror.id, page, scores, metrics, skipped, runs: each });
      }
    } finally {
      server.close();
    }
  }
  return results;
}
