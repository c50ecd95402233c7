// The budgets of issues 7 and 26, each checked against the measured numbers. A budget that does not apply to a run
// (a size that was not measured) is left out rather than passed.
import { CATEGORIES } from './lighthouse.ts';
import type { CstateOutcome } from './cstate-compare.ts';
import type { SizeResult } from './measure-size.ts';

export interface Verdict {
  budget: string;
  limit: string;
  measured: string;
  ok: boolean;
}

const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;
/** The steady rebuild (with a spare, as in CI) with its runs, the first one after the cold build, and the cold build. */
const rebuildMeasured = (r: SizeResult) =>
  `${s(r.rebuild.seconds)} (median of ${r.rebuildRuns.map((x) => x.toFixed(1)).join(', ')}; the first after the cold build, with no spare yet: ${s(r.firstRebuild.seconds)}) vs ${s(r.cold.seconds)} cold`;

export function checkBudgets(results: SizeResult[]): Verdict[] {
  const verdicts: Verdict[] = [];
  const v = (budget: string, limit: string, measured: string, ok: boolean) => verdicts.push({ budget, limit, measured, ok });

  for (const r of results) {
    const n = `N=${r.incidents.toLocaleString('en')}`;
    const home = r.pages.heaviestHome;
    v(`${n} home page, HTML + CSS compressed (heaviest of 8 language variants)`, '≤ 14 KB gzip', `${kb(home.criticalGzip)} gzip, ${kb(home.criticalBrotli)} brotli`, home.criticalGzip <= 14 * KB);
    const foreign = r.pages.home.resources.filter((x) => !x.sameHost);
    v(`${n} home page, requests to other hosts`, 'none', foreign.length ? foreign.map((x) => x.url).join(', ') : 'none', foreign.length === 0);
    const scripts = home.resources.filter((x) => x.kind === 'js');
    const required = scripts.filter((x) => !x.optional).length + home.inlineScripts;
    v(`${n} home page, JavaScript required`, 'none', required ? `${required} blocking or inline script(s)` : 'none (optional only)', required === 0);
    const js = scripts.reduce((a, x) => a + (x.sizes?.gzip ?? Infinity), 0);
    v(`${n} home page, optional script`, '≤ 5 KB gzip', kb(js), js <= 5 * KB);
    for (const l of r.lighthouse) {
      const low = CATEGORIES.filter((c) => l.scores[c] < 100);
      // Audits a mirror cannot own are named in the verdict, never dropped silently (see exceptionsFor).
      const skipped = (l.skipped ?? []).map((s) => `; ${s.audit} not audited (${s.reason})`).join('');
      const metrics = l.metrics ? `; CLS ${l.metrics.cls}, TBT ${l.metrics.tbt} ms` : '';
      v(`${n} Lighthouse mobile, ${l.mirror} ${l.page}`, '100 in each category', `${CATEGORIES.map((c) => `${c} ${l.scores[c]}`).join(', ')}${metrics}${skipped}`, low.length === 0);
    }
    // Layout shift on its own: unlike blocking time, it does not depend on how busy the machine is.
    const shifts = r.lighthouse.filter((l) => l.metrics).toSorted((a, b) => b.metrics.cls - a.metrics.cls);
    if (shifts.length) v(`${n} layout shift (CLS), every audited page`, '0', shifts[0]!.metrics.cls ? `${shifts[0]!.metrics.cls} (${shifts[0]!.mirror} ${shifts[0]!.page})` : '0', shifts[0]!.metrics.cls === 0);
    const incident = r.pages.heaviestIncident;
    v(`${n} incident page, compressed (heaviest of all)`, '≤ 10 KB gzip', `${kb(incident.criticalGzip)} gzip (${incident.page})`, incident.criticalGzip <= 10 * KB);
    v(`${n} home page independent of history length`, 'same bytes with only the last 4 months', r.homeIndependentOfHistory ? 'identical' : 'differs', r.homeIndependentOfHistory);
    // Issue 26's budgets: an update reaches every mirror in seconds, and a rebuild costs what the change costs.
    const perPage = r.output.pages ? `, ${((r.cold.seconds * 1000) / r.output.pages).toFixed(2)} ms per page` : '';
    if (r.incidents === 1000) {
      v(`${n} cold build, all mirrors`, '≤ 15 s', `${s(r.cold.seconds)}${perPage}`, r.cold.seconds <= 15);
      v(`${n} rebuild after one update, all mirrors`, '≤ 3 s', rebuildMeasured(r), r.rebuild.seconds <= 3);
      v(`${n} cold build, one mirror in one language`, '≤ 3 s', s(r.oneMirror.seconds), r.oneMirror.seconds <= 3);
      const c = cstateVerdict(r.incidents, r.cstate);
      if (c) verdicts.push(c);
      v(`${n} live preview, saved update to visible`, '≤ 1 s', `${r.livePreview.editToVisibleSeconds.toFixed(2)} s (tries: ${r.livePreview.tries.map((t) => t.toFixed(2)).join(', ')})`, r.livePreview.editToVisibleSeconds <= 1);
    }
    if (r.incidents === 5000) {
      v(`${n} cold build, all mirrors`, '≤ 60 s', `${s(r.cold.seconds)}${perPage}`, r.cold.seconds <= 60);
      v(`${n} peak memory, whole process tree (sum of RSS)`, '≤ 1.5 GB (1536 MiB)', `${r.cold.peakTreeMiB} MiB`, r.cold.peakTreeMiB <= 1536);
      v(`${n} rebuild after one update, all mirrors`, '≤ 5 s and ≤ 10 % of the cold build', rebuildMeasured(r), r.rebuild.seconds <= 5 && r.rebuild.seconds <= r.cold.seconds / 10);
    }
  }
  // Linear growth: from one size to the next, build time may grow at most in proportion (10% for noise).
  const sorted = results.toSorted((a, b) => a.incidents - b.incidents);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!, b = sorted[i]!;
    const ratio = b.cold.seconds / a.cold.seconds;
    const allowed = (b.incidents / a.incidents) * 1.1;
    v(`build time N=${a.incidents} → N=${b.incidents}`, `grows at most linearly (× ${allowed.toFixed(1)})`, `× ${ratio.toFixed(2)}`, ratio <= allowed);
  }
  return verdicts;
}

/**
 * Issue 26: Candor at least 5× faster than cState v6 on Hugo, same history, one mirror, one language, both cold and
 * timed in one run. Undefined when not measured or skipped (no hugo or no cState): the run says why instead.
 */
export function cstateVerdict(incidents: number, outcome: CstateOutcome | undefined): Verdict | undefined {
  if (incidents !== 1000 || !outcome || 'skipped' in outcome) return undefined;
  const { cstate, candor, ratio } = outcome;
  const all = candor.imported === outcome.incidents;
  return {
    budget: `N=1,000 Candor vs cState on Hugo, one mirror, one language`,
    limit: '≥ 5× faster',
    measured:
      `× ${ratio.toFixed(1)}: Candor ${s(candor.seconds)} vs cState ${s(cstate.seconds)}, CPU × ${(cstate.cpuSeconds / candor.cpuSeconds).toFixed(1)} (medians of cold runs; cState ${cstate.version}, Hugo ${cstate.hugo})` +
      (all ? '' : `; only ${candor.imported} of ${outcome.incidents} incidents imported`),
    ok: ratio >= 5 && all,
  };
}
