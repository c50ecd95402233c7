// `npm run lint-corpus`: precision and recall of the wording rules per language on the corpus, and the findings
// on this repository's own example history (which should be none).
import { resolve } from 'node:path';
import { historyFindings, ratio, scoreCorpus } from './measure.ts';

const scores = await scoreCorpus();
console.log('rule            lang   tp fp fn  precision recall');
for (const s of scores) {
  if (s.truePositives + s.falsePositives + s.falseNegatives === 0) continue;
  console.log(`${s.rule.padEnd(15)} ${s.locale.padEnd(6)} ${String(s.truePositives).padStart(2)} ${String(s.falsePositives).padStart(2)} ${String(s.falseNegatives).padStart(2)}  ${ratio(s.truePositives, s.truePositives + s.falsePositives).padStart(9)} ${ratio(s.truePositives, s.truePositives + s.falseNegatives).padStart(6)}`);
}
const sum = (k: 'truePositives' | 'falsePositives' | 'falseNegatives') => scores.reduce((n, s) => n + s[k], 0);
const [tp, fp, fn] = [sum('truePositives'), sum('falsePositives'), sum('falseNegatives')];
console.log(`\nall rules, all languages: precision ${ratio(tp, tp + fp)} (${tp}/${tp + fp}), recall ${ratio(tp, tp + fn)} (${tp}/${tp + fn})`);
for (const m of scores.flatMap((s) => s.misses.map((x) => `  ${s.rule} (${s.locale}) ${x}`))) console.log(m);

const root = resolve(process.argv[2] ?? '.');
const history = await historyFindings(root, new Date(process.argv[3] ?? '2026-11-23T08:30:00Z'));
console.log(`\nexample history (${root}): ${history.texts} texts, ${history.findings.length} wording findings${history.findings.length ? ':' : ''}`);
for (const f of history.findings) console.log(`  ${f}`);
process.exitCode = fp + fn + history.findings.length ? 1 : 0;
