// The wording rules on real phrasings, language by language: each sample trips exactly the rules it should,
// and the example history trips none. `npm run lint-corpus` prints the same as precision and recall.
import { describe, expect, it } from 'vitest';
import { lint } from '../../site/model/lint/index.ts';
import { siteOf } from '../helpers/site.ts';
import { md, MINIMAL_CONFIG } from '../helpers/testdir.ts';
import { historyFindings, scoreCorpus } from './measure.ts';
import { SAMPLES } from './samples.ts';

describe('lint corpus', () => {
  it('has real phrasings with their source in every language', () => {
    for (const [locale, samples] of Object.entries(SAMPLES)) {
      expect(samples.length, locale).toBeGreaterThanOrEqual(10);
      expect(samples.filter((s) => !s.source.startsWith('variant')).length, locale).toBeGreaterThanOrEqual(3);
      expect(samples.some((s) => s.expect.length === 0), `${locale} has good sentences too`).toBe(true);
    }
  });

  it('every sample trips exactly the rules it should, in every language', async () => {
    const scores = await scoreCorpus();
    expect(scores.flatMap((s) => s.misses.map((m) => `${s.rule} (${s.locale}) ${m}`))).toEqual([]);
    expect(new Set(scores.filter((s) => s.truePositives > 0).map((s) => s.locale))).toEqual(new Set(Object.keys(SAMPLES)));
  });

  for (const now of ['2026-11-23T08:30:00Z', '2026-11-30T08:30:00Z', '2027-11-23T08:30:00Z']) {
    it(`finds nothing to say about the wording of the example history (as of ${now})`, async () => {
      const history = await historyFindings('.', new Date(now));
      expect(history.texts).toBeGreaterThan(50);
      expect(history.findings).toEqual([]);
    });
  }
});

describe('one finding per rule per update, listing the words', () => {
  const DIR = 'incidents/2026-11-23-api';
  const NOW = new Date('2026-11-23T12:00:00Z');
  const files = (body: string) => ({
    [`${DIR}/index.md`]: md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], started: '2026-11-23T10:00:00Z' }),
    [`${DIR}/2026-11-23T1010Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T13:00:00Z' }, body),
  });
  it('reports a word used on three lines once, with every wording it found', async () => {
    const body = "Some customers can't pay.\nThe DNS is slow.\nWe changed the DNS and the load balancer.\nThe DNS again.\nWe apologize for any inconvenience.\nSorry for the trouble this caused.";
    const fs = lint(await siteOf(files(body), NOW, MINIMAL_CONFIG), NOW).filter((f) => f.rule !== 'customer-impact');
    expect(fs.map((f) => [f.rule, f.line, f.message])).toEqual([
      ['jargon', 6, '"DNS", "load balancer" are jargon to most customers'],
      ['empty-apology', 9, '"We apologize for any inconvenience", "Sorry … the trouble this caused" are empty apologies'],
    ]);
  });

  it('names internal names and vague times, and leaves the team words it was given to its rule', async () => {
    const body = "Some customers can't pay. The invoiceWorker on db-03.prod.internal throws TimeoutError (INC-4821); we will fix it as soon as possible.";
    const config = `${MINIMAL_CONFIG}lint:\n  internal-names: { words: [Hermes] }\n`;
    const fs = lint(await siteOf(files(`${body} Hermes is restarting.`), NOW, config), NOW).filter((f) => f.rule !== 'customer-impact');
    expect(fs.map((f) => [f.rule, f.message])).toEqual([
      ['internal-names', '"invoiceWorker", "db-03.prod.internal", "TimeoutError", "INC-4821", "Hermes" are internal to the team'],
      ['vague-time', '"as soon as possible" promises speed without a time'],
    ]);
  });
});
