// The linter keeps the per-incident rules' findings between runs (site/model/lint/index.ts, scripts/lib/lint/
// kept.ts). That is only right if those rules really look at one incident at a time and not at the clock, and if
// a run with kept findings says exactly what a run without them says, edit after edit.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keptFindings } from '../../scripts/lib/lint/kept.ts';
import { carriedOver } from '../../site/model/carried-over.ts';
import { ALL_RULES } from '../../site/model/lint/catalog.ts';
import { lint, type Finding } from '../../site/model/lint/index.ts';
import type { RawFinding } from '../../site/model/lint/rules.ts';
import { loadSite } from '../../site/model/load/index.ts';
import type { Site } from '../../site/model/site.ts';
import { SAMPLES } from '../lint-corpus/samples.ts';
import { md, MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const MOMENTS = [NOW, new Date('2026-11-23T14:00:00Z'), new Date('2026-11-30T12:00:00Z'), new Date('2027-06-01T00:00:00Z')];
// Six languages and two zones, so the wording rules of every language and bare-clock-time have something to say.
const CONFIG = MINIMAL_CONFIG.replace(
  '  - { id: main, url: https://status.test.example/, locale: en }',
  '  - { id: main, url: https://status.test.example/, locale: en, locales: [en, fr, de, sv, ro, zh-CN] }\n  - { id: apac, url: https://apac.test.example/, locale: en, time_zone: Asia/Tokyo }',
);
const GOOD = "Some customers can't create invoices.";

/** Incidents that trip every per-incident rule between them, and the corpus's real phrasings in every language. */
function files(): Record<string, string> {
  const out: Record<string, string> = {};
  const incident = (dir: string, extra: Record<string, unknown> = {}) =>
    (out[`incidents/${dir}/index.md`] = md({ kind: 'incident', title: 'Invoices fail', impact: 'major', components: ['api'], started: '2026-11-23T10:00:00Z', ...extra }));
  const update = (dir: string, stamp: string, body: string, extra: Record<string, unknown> = {}) =>
    (out[`incidents/${dir}/2026-11-23T${stamp}Z.md`] = md({ status: 'investigating', next_update: '2026-11-23T13:00:00Z', ...extra }, body));
  incident('2026-11-23-a');
  update('2026-11-23-a', '1010', 'We are looking into it.');
  update('2026-11-23-a', '1020', '');
  update('2026-11-23-a', '1030', "Customers can't {{what}}. We'll post again by 11:15 UTC, as soon as possible.");
  incident('2026-11-23-b', { provider: 'Postwise', title: 'Emails are late (INC-4821)' });
  update('2026-11-23-b', '1010', GOOD, { social: 'Emails are late: Postwise is slow.' });
  update('2026-11-23-b', '1020', `${GOOD} Our DNS failover on db-03.prod.internal threw TimeoutError.`, { social: 'Emails are late. '.repeat(20) });
  update('2026-11-23-b', '1100', 'Fixed since {time:10:55}. We apologize for any inconvenience.', { status: 'resolved', next_update: undefined });
  incident('2026-11-23-c');
  update('2026-11-23-c', '1010', GOOD);
  out['incidents/2026-11-23-c/2026-11-23T1010Z.fr.md'] = 'Ce sera corrigé dans 5 minutes, à cause de la latence du DNS.';
  out['incidents/2026-11-23-c/index.de.md'] = md({ title: 'Rechnungen schlagen fehl' }, 'Die Störung liegt außerhalb unserer Kontrolle.');
  let n = 0;
  for (const [locale, samples] of Object.entries(SAMPLES)) {
    for (const sample of samples) {
      const dir = `2026-11-22-sample-${++n}`;
      out[`incidents/${dir}/index.md`] = md({ kind: 'incident', title: 'Sample', impact: 'minor', components: ['web'], started: '2026-11-22T10:00:00Z' });
      out[`incidents/${dir}/2026-11-22T1010Z.md`] = md({ status: 'investigating', next_update: '2026-11-22T13:00:00Z' }, locale === 'en' ? sample.text : GOOD);
      if (locale !== 'en') out[`incidents/${dir}/2026-11-22T1010Z.${locale}.md`] = sample.text;
    }
  }
  for (const k of Object.keys(out)) out[k] = out[k]!.replace(/\nnext_update: undefined/, '');
  return out;
}

async function load(root: string, now = NOW): Promise<Site> {
  const loaded = await loadSite(root, { now });
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.file}: ${e.message}`).join('\n'));
  return loaded.value;
}

const sorted = (fs: RawFinding[]) => fs.map((f) => `${f.file}:${f.line ?? ''} ${f.message} | ${f.fix}`).sort();
const PER_INCIDENT = ALL_RULES.filter((r) => r.perIncident);

describe('rules marked per-incident', () => {
  it('are the wording, text and per-update rules, and not the ones that read the clock or the whole site', () => {
    expect(PER_INCIDENT.map((r) => r.id)).toEqual(expect.arrayContaining(['jargon', 'internal-names', 'vague-time', 'customer-impact', 'bare-clock-time', 'social-too-long']));
    for (const id of ['stale-update', 'open-but-operational', 'maintenance-overdue', 'postmortem-overdue', 'draft', 'example-clock', 'mirror-not-deployed']) expect(PER_INCIDENT.map((r) => r.id)).not.toContain(id);
  });

  it('find over the whole site exactly what they find over each incident alone, at any moment', async () => {
    const root = testdir(files(), { config: CONFIG });
    const sites = await Promise.all(MOMENTS.map((now) => load(root, now)));
    for (const rule of PER_INCIDENT) {
      const atFirst = sorted(rule.check({ site: sites[0]!, now: MOMENTS[0]!, words: [] }));
      // Something to compare: every per-incident rule trips on this site, so a wrong claim cannot pass unseen.
      expect(atFirst.length, rule.id).toBeGreaterThan(0);
      MOMENTS.forEach((now, i) => {
        const site = sites[i]!;
        const whole = sorted(rule.check({ site, now, words: [] }));
        const each = sorted(site.incidents.flatMap((incident) => rule.check({ site: { ...site, incidents: [incident] }, now, words: [] })));
        expect(each, `${rule.id} at ${now.toISOString()}`).toEqual(whole);
        expect(whole, `${rule.id} does not read the clock`).toEqual(atFirst);
      });
    }
  });

  it('a rule that reads the clock would be caught: stale-update differs between two moments', async () => {
    const site = await load(testdir(files(), { config: CONFIG }));
    const stale = ALL_RULES.find((r) => r.id === 'stale-update')!;
    expect(sorted(stale.check({ site, now: MOMENTS[0]!, words: [] }))).not.toEqual(sorted(stale.check({ site, now: MOMENTS[1]!, words: [] })));
  });
});

describe('findings kept between runs', () => {
  const key = (f: Finding) => `${f.file}:${f.line ?? ''} ${f.severity} ${f.rule} ${f.message} | ${f.fix}`;

  it('say exactly what a fresh run says, edit after edit, and only changed incidents are read again', async () => {
    const root = testdir(files(), { config: CONFIG });
    const write = (path: string, text: string) => writeFileSync(join(root, path), text);
    const incidents = (await load(root)).incidents.length;
    const edits: { what: string; now?: Date; edit: () => void; misses: number }[] = [
      { what: 'the first run', edit: () => {}, misses: incidents },
      { what: 'nothing changed', edit: () => {}, misses: 0 },
      { what: 'an update added', edit: () => write('incidents/2026-11-23-a/2026-11-23T1040Z.md', md({ status: 'identified', next_update: '2026-11-23T13:30:00Z' }, 'Reports are slow for some customers, and the k8s pods restart.')), misses: 1 },
      { what: 'resolved without saying whether data was lost', edit: () => write('incidents/2026-11-23-c/2026-11-23T1100Z.md', md({ status: 'resolved' }, 'Invoices work again.')), misses: 1 },
      { what: 'a translation edited', edit: () => write('incidents/2026-11-23-c/2026-11-23T1010Z.fr.md', 'Certains clients ne peuvent pas créer de factures.'), misses: 1 },
      { what: 'a translation removed', edit: () => rmSync(join(root, 'incidents/2026-11-23-c/index.de.md')), misses: 1 },
      { what: 'a later moment', now: new Date('2026-11-30T12:00:00Z'), edit: () => {}, misses: 0 },
      { what: 'lint settings changed', edit: () => write('candor.config.yaml', `${CONFIG}lint:\n  jargon: error\n  vague-time: off\n  internal-names: { words: [Invoices] }\n`), misses: incidents },
      { what: 'one zone left', edit: () => write('candor.config.yaml', CONFIG.replace(', time_zone: Asia/Tokyo', '')), misses: incidents },
    ];
    let before = new Map<string, Finding[]>();
    for (const step of edits) {
      step.edit();
      const now = step.now ?? NOW;
      const site = await load(root, now);
      const cache = carriedOver(before);
      const kept = lint(site, now, cache).map(key);
      const fresh = lint(site, now).map(key);
      expect(kept, step.what).toEqual(fresh);
      expect(cache.misses, `${step.what}: incidents read again`).toBe(step.misses);
      expect(cache.hits + cache.misses, step.what).toBe(site.incidents.length);
      before = cache.used;
    }
    // The edits changed what the linter says, so the comparison above compared something.
    expect(lint(await load(root), NOW).some((f) => f.rule === 'all-clear-data-loss')).toBe(true);
  });

  it('are kept on disk per site and per version of the code', async () => {
    const root = testdir(files(), { config: CONFIG });
    const site = await load(root);
    const first = keptFindings(root, 'code-1');
    const findings = lint(site, NOW, first);
    expect(first.misses).toBe(site.incidents.length);
    first.save();
    const second = keptFindings(root, 'code-1');
    expect(lint(site, NOW, second)).toEqual(findings);
    expect([second.hits, second.misses]).toEqual([site.incidents.length, 0]);
    // Another version of the rules starts afresh: what it would find may differ.
    const other = keptFindings(root, 'code-2');
    lint(site, NOW, other);
    expect(other.hits).toBe(0);
  });
});
