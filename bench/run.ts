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
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS } from './generate/index.ts';
import { REPO } from './lib/build.ts';
import { RUNS } from './lib/lighthouse.ts';
import { checkBudgets } from './lib/budgets.ts';
import { describeMachine, machine } from './lib/machine.ts';
import { measureSize, type SizeResult } from './lib/measure-size.ts';
import { describeLoads, mirrorTable, summaryTable, verdictTable } from './lib/report.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULTS.seed) },
    keep: { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string', default: String(RUNS) },
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

const results: SizeResult[] = [];
for (const incidents of sizes) {
  // Lighthouse audits only the largest size: the pages readers load are the same shape at every size.
  const lighthouse = !values['no-lighthouse'] && incidents === Math.max(...sizes);
  results.push(await measureSize({ incidents, seed: Number(values.seed), work, lighthouse, lighthouseRuns, log: (line) => console.log(line) }));
  // Each size's output is large (about 1 GB at 5,000); keep only what was asked for.
  if (!values.keep) rmSync(join(work, `n${incidents}`), { recursive: true, force: true });
}

console.log(`\n${summaryTable(results)}\n`);
for (const r of results) {
  console.log(`N=${r.incidents.toLocaleString('en')}, per mirror (critical path: the slowest chain of mirrors on ${host.cores} workers):\n${mirrorTable(r)}\n`);
  console.log(`memory at the peak: ${r.cold.atPeak.map((p) => `${p.command.split(' ').find((a) => /candor\.ts|astro\.mjs|esbuild/.test(a)) ?? p.command} ${p.MiB} MiB`).join(', ')}\n`);
}
const last = results.at(-1)!;
console.log(`What the pages load (N=${last.incidents.toLocaleString('en')}):`);
for (const [name, w] of [['home', last.pages.home], ['open incident', last.pages.openIncident], ['history', last.pages.history]] as const) console.log(`- ${describeLoads(name, w)}`);

const verdicts = checkBudgets(results);
console.log(`\nBudgets:\n${verdictTable(verdicts)}\n`);

const resultsDir = join(REPO, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `${started.toISOString().slice(0, 16).replace(/[:T]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ date: started.toISOString(), machine: host, seed: Number(values.seed), sizes, results, budgets: verdicts }, null, 2)}\n`);
console.log(`results written to ${file.slice(REPO.length)}`);
process.exitCode = verdicts.every((v) => v.ok) ? 0 : 1;
