// `npm run bench`: builds the example mirrors from generated histories of 100, 1,000 and 5,000 incidents and
// reports build time, memory, output and page weight against the budgets of issue 7 (docs/src/content/docs/benchmarks.md).
// Not part of `npm test`: it takes minutes.
//
//   node bench/run.ts                  all three sizes
//   node bench/run.ts --quick          100 incidents only (about 20 seconds)
//   node bench/run.ts --sizes 300,3000 other sizes
//   node bench/run.ts --seed 11        another history of the same shape
//   node bench/run.ts --keep           keep each size's generated site and output in bench/.out/
//   node bench/run.ts --no-lighthouse  skip the Lighthouse audits of the largest size (about 6 minutes a run)
//   node bench/run.ts --lighthouse-runs 5   audit each page 5 times (default 3) and score its median run
//   node bench/run.ts --no-cstate      skip building the same history with cState on Hugo (issue 26's comparison)
//   node bench/run.ts --cstate-only    only that comparison: generate, build with cState and with Candor, compare
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS } from './generate/index.ts';
import { REPO } from './lib/build.ts';
import { trash } from './lib/trash.ts';
import { RUNS } from './lib/lighthouse.ts';
import { writeSite } from './generate/write.ts';
import { checkBudgets, cstateVerdict, type Verdict } from './lib/budgets.ts';
import type { CstateOutcome } from './lib/cstate-compare.ts';
import { describeMachine, machine } from './lib/machine.ts';
import { compareCstate, measureSize, type SizeResult } from './lib/measure-size.ts';
import { cstateTable, describeLoads, mirrorTable, summaryTable, verdictTable } from './lib/report.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULTS.seed) },
    keep: { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string', default: String(RUNS) },
    'no-cstate': { type: 'boolean', default: false },
    'cstate-only': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes ? values.sizes.split(',').map(Number) : values.quick ? [100] : [100, 1000, 5000];
if (sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error('--sizes takes whole numbers of at least 2, like 100,1000');
const lighthouseRuns = Number(values['lighthouse-runs']);
if (!Number.isInteger(lighthouseRuns) || lighthouseRuns < 1) throw new Error('--lighthouse-runs takes a whole number of at least 1, like 3');

const work = join(REPO, 'bench', '.out');
const started = new Date();
const host = machine();
console.log(`Candor benchmark, ${started.toISOString()}\nmachine: ${describeMachine(host)}\nsizes: ${sizes.join(', ')} incidents, seed ${values.seed}\n`);

const resultsDir = join(REPO, 'bench', 'results');
const stamp = started.toISOString().slice(0, 16).replace(/[:T]/g, '-');
const printCstate = (incidents: number, c: CstateOutcome | undefined) => {
  if (!c) return;
  const n = `N=${incidents.toLocaleString('en')}`;
  console.log('skipped' in c ? `${n}, against cState on Hugo: skipped (${c.skipped})\n` : `${n}, the same history built by cState on Hugo and by Candor (one mirror, one language, cold):\n${cstateTable(c)}\n`);
};

if (values['cstate-only']) {
  // Just issue 26's comparison: minutes instead of the whole benchmark's half hour.
  const compared: { incidents: number; cstate: CstateOutcome }[] = [];
  for (const incidents of sizes) {
    const dir = join(work, `n${incidents}`);
    trash.discard(dir);
    await writeSite(join(dir, 'site'), join(REPO, 'candor.config.yaml'), { incidents, seed: Number(values.seed), now: DEFAULTS.now, years: DEFAULTS.years });
    console.log(`N=${incidents}:`);
    compared.push({ incidents, cstate: await compareCstate(join(dir, 'site'), dir, DEFAULTS.now, (line) => console.log(line)) });
    if (!values.keep) trash.discard(dir);
  }
  console.log('');
  for (const c of compared) printCstate(c.incidents, c.cstate);
  const verdicts = compared.flatMap((c) => cstateVerdict(c.incidents, c.cstate) ?? []) satisfies Verdict[];
  if (verdicts.length) console.log(`Budgets:\n${verdictTable(verdicts)}\n`);
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${stamp}-cstate.json`);
  writeFileSync(file, `${JSON.stringify({ date: started.toISOString(), machine: host, seed: Number(values.seed), sizes, cstate: compared, budgets: verdicts }, null, 2)}\n`);
  console.log(`results written to ${file.slice(REPO.length)}`);
  // Nothing timed runs after this: what was set aside is deleted now (lib/trash.ts says why not before).
  trash.empty();
  process.exit(verdicts.every((v) => v.ok) ? 0 : 1);
}

const results: SizeResult[] = [];
for (const incidents of sizes) {
  // Lighthouse audits only the largest size: the pages readers load are the same shape at every size.
  const lighthouse = !values['no-lighthouse'] && incidents === Math.max(...sizes);
  results.push(await measureSize({ incidents, seed: Number(values.seed), work, lighthouse, lighthouseRuns, cstate: !values['no-cstate'], log: (line) => console.log(line) }));
  // Each size's output is large (about 1 GB at 5,000); keep only what was asked for. It is set aside, not deleted,
  // until the end: the next size's cold build would pay for the deleting (lib/trash.ts).
  if (!values.keep) trash.discard(join(work, `n${incidents}`));
}

console.log(`\n${summaryTable(results)}\n`);
for (const r of results) {
  console.log(`N=${r.incidents.toLocaleString('en')}, per mirror (critical path: the slowest chain of mirrors on ${host.cores} workers):\n${mirrorTable(r)}\n`);
  console.log(`memory at the peak: ${r.cold.atPeak.map((p) => `${p.command.split(' ').find((a) => /candor\.(?:ts|js)|astro\.mjs|esbuild/.test(a)) ?? p.command} ${p.MiB} MiB`).join(', ')}\n`);
  printCstate(r.incidents, r.cstate);
}
const last = results.at(-1)!;
console.log(`What the pages load (N=${last.incidents.toLocaleString('en')}):`);
for (const [name, w] of [['home', last.pages.home], ['open incident', last.pages.openIncident], ['history', last.pages.history]] as const) console.log(`- ${describeLoads(name, w)}`);

const verdicts = checkBudgets(results);
console.log(`\nBudgets:\n${verdictTable(verdicts)}\n`);

mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `${stamp}.json`);
writeFileSync(file, `${JSON.stringify({ date: started.toISOString(), machine: host, seed: Number(values.seed), sizes, results, budgets: verdicts }, null, 2)}\n`);
console.log(`results written to ${file.slice(REPO.length)}`);
// Nothing timed runs after this: what was set aside is deleted now (lib/trash.ts says why not before).
trash.empty();
process.exitCode = verdicts.every((v) => v.ok) ? 0 : 1;
