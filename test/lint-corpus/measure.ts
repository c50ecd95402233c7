// Runs the wording rules over the corpus (and over a repository's own history) and counts, per rule and
// language, what they found against what each sample expects: precision = right findings / all findings,
// recall = right findings / expected findings.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../site/model/lint/index.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { SAMPLES, WORDING_RULES, type Sample, type WordingRule } from './samples.ts';

export interface Score {
  locale: string;
  rule: WordingRule;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Texts that tripped a rule they should not have, or missed one they should. */
  misses: string[];
}

const NOW = new Date('2026-11-23T12:00:00Z');

/** One repository per language: the samples as the first updates of incidents, in that content language. */
async function findingsFor(locale: string, samples: Sample[]): Promise<Set<string>[]> {
  const root = mkdtempSync(join(tmpdir(), 'candor-lint-corpus-'));
  const write = (path: string, text: string) => (mkdirSync(join(root, path, '..'), { recursive: true }), writeFileSync(join(root, path), text));
  write('candor.config.yaml', `name: Corpus\nlocale: ${locale}\ncomponents:\n  - { id: api, name: API }\nmirrors:\n  - { id: main, url: https://status.example.com/, locale: ${locale} }\n`);
  samples.forEach((sample, i) => {
    const dir = `incidents/2026-11-23-s${i}`;
    write(`${dir}/index.md`, '---\ntitle: Sample\nkind: incident\nimpact: minor\ncomponents: [api]\nstarted: 2026-11-23T10:00:00Z\n---\n');
    write(`${dir}/2026-11-23T1010Z.md`, `---\nstatus: investigating\nnext_update: 2026-11-23T13:00:00Z\n---\n${sample.text}\n`);
  });
  const loaded = await loadSite(root, { now: NOW });
  if (!loaded.ok) throw new Error(`corpus repository for ${locale} is invalid: ${loaded.errors[0]!.message}`);
  const found = samples.map(() => new Set<string>());
  for (const f of lint(loaded.value, NOW)) {
    const i = /incidents\/2026-11-23-s(\d+)\//.exec(f.file)?.[1];
    if (i !== undefined && f.file.endsWith('T1010Z.md')) found[Number(i)]!.add(f.rule);
  }
  return found;
}

export async function scoreCorpus(): Promise<Score[]> {
  const scores: Score[] = [];
  for (const [locale, samples] of Object.entries(SAMPLES)) {
    const found = await findingsFor(locale, samples);
    for (const rule of WORDING_RULES) {
      const score: Score = { locale, rule, truePositives: 0, falsePositives: 0, falseNegatives: 0, misses: [] };
      samples.forEach((sample, i) => {
        const expected = sample.expect.includes(rule);
        const got = found[i]!.has(rule);
        if (expected && got) score.truePositives++;
        if (!expected && got) (score.falsePositives++, score.misses.push(`false positive: ${sample.text}`));
        if (expected && !got) (score.falseNegatives++, score.misses.push(`missed: ${sample.text}`));
      });
      scores.push(score);
    }
  }
  return scores;
}

/** Wording findings on a repository's whole history: every one is a false positive if the history is good. */
export async function historyFindings(root: string, now: Date): Promise<{ texts: number; findings: string[] }> {
  const loaded = await loadSite(root, { now });
  if (!loaded.ok) throw new Error(`${root} does not load: ${loaded.errors[0]!.message}`);
  const texts = loaded.value.incidents.reduce((n, i) => n + 1 + i.updates.reduce((m, u) => m + 1 + Object.keys(u.translations).length, 0), 0);
  const findings = lint(loaded.value, now)
    .filter((f) => (WORDING_RULES as string[]).includes(f.rule))
    .map((f) => `${f.file}:${f.line ?? ''} ${f.rule} ${f.message}`);
  return { texts, findings };
}

export const ratio = (num: number, den: number) => (den === 0 ? '—' : `${Math.round((num / den) * 100)}%`);
