// The benchmark's Lighthouse exceptions and page weighing: what it leaves out must be named, and the optional
// inline page script must be weighed as optional script, not as HTML a reader needs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exceptionsFor, medianOf } from '../../bench/lib/lighthouse.ts';
import { weighPage } from '../../bench/lib/weight.ts';
import { readConfig } from '../../site/model/load/config.ts';
import { REPO } from '../helpers/paths.ts';

describe('Lighthouse exceptions', () => {
  it('leaves robots.txt out only for a mirror mounted under a path, with the reason', async () => {
    const { config } = await readConfig(REPO);
    const byId = Object.fromEntries(config!.mirrors.map((m) => [m.id, exceptionsFor(m)]));
    expect(byId.global).toEqual([]);
    expect(byId.eu).toEqual([]);
    expect(byId.cn).toEqual([{ audit: 'robots-txt', reason: 'mounted at /status/: robots.txt is read only at the host root, which the mirror does not own' }]);
  });
});

describe('several Lighthouse runs of one page', () => {
  // A run as Lighthouse reports it: the scores, and the metrics its median choice and our report read.
  const lhr = (performance: number, fcp: number, tti: number, tbt: number, cls = 0) => ({
    categories: { performance: { score: performance / 100 }, accessibility: { score: 1 }, 'best-practices': { score: 1 }, seo: { score: 1 } },
    audits: { 'first-contentful-paint': { numericValue: fcp }, interactive: { numericValue: tti }, 'total-blocking-time': { numericValue: tbt }, 'cumulative-layout-shift': { numericValue: cls } },
  });

  it('scores the page by its median run, not its best or worst, and keeps every run', () => {
    const m = medianOf([lhr(100, 800, 1000, 20), lhr(97, 1400, 2600, 180), lhr(99, 900, 1300, 110)]);
    expect(m.scores.performance).toBe(99);
    expect(m.metrics.tbt).toBe(110);
    expect(m.runs).toEqual([{ performance: 100, cls: 0, tbt: 20 }, { performance: 97, cls: 0, tbt: 180 }, { performance: 99, cls: 0, tbt: 110 }]);
  });

  it('counts a layout shift seen in any run, even when the median run has none', () => {
    const m = medianOf([lhr(100, 800, 1000, 20), lhr(93, 1400, 2600, 30, 0.158), lhr(100, 900, 1300, 25)]);
    expect(m.scores.performance).toBe(100);
    expect(m.metrics.cls).toBe(0.158);
  });
});

describe('weighing a page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-weight-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts an inline script marked data-optional as optional script, and any other as required', () => {
    const code = 'document.title = "x";'.repeat(20);
    writeFileSync(join(dir, 'index.html'), `<!doctype html><title>t</title><p>hi</p><script data-optional>${code}</script><script>alert(1)</script>`);
    const w = weighPage(dir, 'index.html', 'https://status.example/');
    expect(w.inlineScripts).toBe(1);
    const js = w.resources.filter((r) => r.kind === 'js');
    expect(js.map((r) => [r.url, r.optional, r.sameHost, r.sizes?.raw])).toEqual([['https://status.example/#inline-script', true, true, code.length]]);
  });
});
