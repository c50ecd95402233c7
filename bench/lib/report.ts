// The benchmark's printed report: one column per history size, then page weights, then every budget.
import type { Verdict } from './budgets.ts';
import type { CstateComparison } from './cstate-compare.ts';
import type { SizeResult } from './measure-size.ts';
import type { PageWeight } from './weight.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const num = (n: number) => Math.round(n).toLocaleString('en');

/** Columns before `numbersFrom` are text (left-aligned), the rest numbers (right-aligned). */
function table(rows: string[][], numbersFrom = 1): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < numbersFrom ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n');
}

export function summaryTable(results: SizeResult[]): string {
  const col = (f: (r: SizeResult) => string) => results.map(f);
  return table([
    ['', ...col((r) => `N=${num(r.incidents)}`)],
    ['content files', ...col((r) => num(r.contentFiles))],
    ['cold build, all mirrors', ...col((r) => `${r.cold.seconds.toFixed(1)} s`)],
    ['  CPU time (user+sys, whole tree)', ...col((r) => `${r.cold.cpuSeconds.toFixed(1)} s`)],
    ['pages produced', ...col((r) => num(r.output.pages))],
    ['pages per second', ...col((r) => num(r.pagesPerSecond))],
    ['peak memory, tree (sum of RSS)', ...col((r) => `${r.cold.peakTreeMiB} MiB`)],
    ['  largest single process', ...col((r) => `${r.cold.peakProcessMiB} MiB`)],
    ['output: files', ...col((r) => num(r.output.files))],
    ['output: bytes (on disk)', ...col((r) => `${mb(r.output.bytes)} (${mb(r.output.diskBytes)})`)],
    ['rebuild after one update (median of 3)', ...col((r) => `${r.rebuild.seconds.toFixed(1)} s`)],
    ['  the first after the cold build (no spare)', ...col((r) => (r.firstRebuild ? `${r.firstRebuild.seconds.toFixed(1)} s` : '-'))],
    ['  pages reused', ...col((r) => num(r.rebuild.mirrors.reduce((a, m) => a + m.reused, 0)))],
    ['home: HTML+CSS gzip / brotli', ...col((r) => `${kb(r.pages.home.criticalGzip)} / ${kb(r.pages.home.criticalBrotli)}`)],
    ['  heaviest language variant', ...col((r) => `${kb(r.pages.heaviestHome.criticalGzip)} / ${kb(r.pages.heaviestHome.criticalBrotli)}`)],
    ['open incident page', ...col((r) => `${kb(r.pages.openIncident.criticalGzip)} / ${kb(r.pages.openIncident.criticalBrotli)}`)],
    ['  heaviest incident page', ...col((r) => `${kb(r.pages.heaviestIncident.criticalGzip)} / ${kb(r.pages.heaviestIncident.criticalBrotli)}`)],
    ['history page', ...col((r) => `${kb(r.pages.history.criticalGzip)} / ${kb(r.pages.history.criticalBrotli)}`)],
  ]);
}

export function mirrorTable(r: SizeResult): string {
  return table([
    ['mirror', 'pages', 'cold', 'rebuild', 'reused'],
    ...r.cold.mirrors.map((m) => {
      const re = r.rebuild.mirrors.find((x) => x.mirror === m.mirror);
      return [m.mirror, num(m.pages), `${m.seconds.toFixed(1)} s`, re ? `${re.seconds.toFixed(1)} s` : '-', re ? num(re.reused) : '-'];
    }),
  ]);
}

/** "what it loads besides itself": one line per page. */
export function describeLoads(name: string, w: PageWeight): string {
  const loads = w.resources.map((x) => {
    const size = x.sizes ? `${kb(x.sizes.raw)}, ${kb(x.sizes.gzip)} gzip` : 'not in the output';
    return `${x.kind} ${x.url} (${size}${x.optional ? ', optional' : ''}${x.sameHost ? '' : ', OTHER HOST'})`;
  });
  const fonts = w.resources.some((x) => x.kind === 'font') ? '' : ', no web fonts';
  const images = w.resources.some((x) => x.kind === 'image') ? '' : ', no images';
  return `${name}: ${kb(w.html.raw)} HTML (${kb(w.inlineCss)} of it inline CSS), ${kb(w.html.gzip)} gzip, ${kb(w.html.brotli)} brotli; loads ${loads.length ? loads.join('; ') : 'nothing else'}${images}${fonts}`;
}

export function verdictTable(verdicts: Verdict[]): string {
  return table([['budget', 'limit', 'measured', ''], ...verdicts.map((v) => [v.budget, v.limit, v.measured, v.ok ? 'ok' : 'MISSED'])], 4);
}

/** The same history built by cState on Hugo and by Candor, side by side. */
export function cstateTable(c: CstateComparison): string {
  const runs = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
  return table([
    ['', 'cState on Hugo', 'Candor'],
    ['version', `${c.cstate.version}, Hugo ${c.cstate.hugo}`, `mirror ${c.candor.mirror}, ${c.candor.locales.join(', ')}`],
    ['incidents', `${num(c.incidents)} issue files`, `${num(c.candor.imported)} imported`],
    ['pages produced (HTML)', num(c.cstate.pages), num(c.candor.pages)],
    ['cold build (median)', `${c.cstate.seconds.toFixed(1)} s`, `${c.candor.seconds.toFixed(1)} s`],
    ['  each run', `${runs(c.cstate.runs)} s`, `${runs(c.candor.runs)} s`],
    ['  CPU time (median run)', `${c.cstate.cpuSeconds.toFixed(1)} s`, `${c.candor.cpuSeconds.toFixed(1)} s`],
    ...(c.candor.compileRuns.length ? [['  runs that first compiled the pages (not in the median)', '', `${runs(c.candor.compileRuns)} s`]] : []),
    ['Candor faster by (wall time)', '', `× ${c.ratio.toFixed(1)}`],
    ['  by CPU time', '', `× ${(c.cstate.cpuSeconds / c.candor.cpuSeconds).toFixed(1)}`],
  ]);
}
