// Every communication rule, with text that must trip it and text that must not, in every language it covers.
import { describe, expect, it } from 'vitest';
import { lint } from '../../site/model/lint/index.ts';
import { RULE_IDS } from '../../site/model/lint/ids.ts';
import { siteOf } from '../helpers/site.ts';
import { md, MINIMAL_CONFIG } from '../helpers/testdir.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const CONFIG_ALL = MINIMAL_CONFIG.replace('{ id: main, url: https://status.test.example/, locale: en }', '{ id: main, url: https://status.test.example/, locale: en, locales: [en, fr, de, sv, ro, zh-CN] }');
const DIR = 'incidents/2026-11-23-api';
const INDEX = md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], started: '2026-11-23T10:00:00Z' });
const open = (body: string, extra: Record<string, unknown> = {}) => md({ status: 'investigating', next_update: '2026-11-23T13:00:00Z', ...extra }, body);
const GOOD = "Some customers can't create invoices through the API.";

async function findings(files: Record<string, string>, config = CONFIG_ALL, now = NOW) {
  return lint(await siteOf(files, now, config), now);
}
const rules = (fs: Awaited<ReturnType<typeof findings>>) => fs.map((f) => f.rule);

/** Text in a language: English in the update itself, others in its translation beside it. */
async function inLanguage(locale: string, text: string) {
  if (locale === 'en') return (await findings({ [`${DIR}/index.md`]: INDEX, [`${DIR}/2026-11-23T1010Z.md`]: open(`${GOOD}\n${text}`) })).filter((f) => f.rule !== 'customer-impact');
  const fs = await findings({ [`${DIR}/index.md`]: INDEX, [`${DIR}/2026-11-23T1010Z.md`]: open(GOOD), [`${DIR}/2026-11-23T1010Z.${locale}.md`]: text });
  return fs.filter((f) => f.file.endsWith(`.${locale}.md`));
}
const fileFor = (locale: string) => (locale === 'en' ? `${DIR}/2026-11-23T1010Z.md` : `${DIR}/2026-11-23T1010Z.${locale}.md`);
const lineFor = (locale: string) => (locale === 'en' ? 6 : 1);

const CASES: Record<'jargon' | 'empty-apology' | 'blame-shifting' | 'over-promise', Record<string, [bad: string, good: string]>> = {
  jargon: {
    en: ['Requests fail with 502 errors after a database failover.', 'Pages fail to load for some customers.'],
    fr: ['Les requêtes échouent à cause de la latence du DNS.', 'Les pages ne se chargent pas pour certains clients.'],
    de: ['Wegen hoher Latenz im k8s-Cluster schlagen Anfragen fehl.', 'Seiten laden bei einigen Kunden nicht.'],
    sv: ['Förfrågningar misslyckas på grund av hög latens.', 'Sidor laddar inte för vissa kunder.'],
    ro: ['Cererile eșuează din cauza latență ridicată la p99.', 'Paginile nu se încarcă pentru unii clienți.'],
    'zh-CN': ['由于数据库故障转移，请求失败。', '部分客户无法打开页面。'],
  },
  'empty-apology': {
    en: ['We apologize for any inconvenience.', "We're sorry your invoices went out late this morning."],
    fr: ['Nous nous excusons pour la gêne occasionnée.', 'Nous sommes désolés que vos factures soient parties en retard.'],
    de: ['Wir entschuldigen uns für etwaige Unannehmlichkeiten.', 'Es tut uns leid, dass Ihre Rechnungen heute verspätet verschickt wurden.'],
    sv: ['Vi ber om ursäkt för eventuella olägenheter.', 'Vi beklagar att era fakturor skickades sent i morse.'],
    ro: ['Ne cerem scuze pentru eventualele neplăceri.', 'Ne pare rău că facturile au plecat cu întârziere.'],
    'zh-CN': ['给您带来的不便，我们深表歉意。', '很抱歉今天上午您的发票发送延迟了。'],
  },
  'blame-shifting': {
    en: ['This was caused by a third-party and is beyond our control.', 'A provider we use had a problem; fixing it for you is our job.'],
    fr: ['Ce problème est indépendant de notre volonté.', 'Un prestataire a eu un problème ; c’est à nous de le régler pour vous.'],
    de: ['Die Störung liegt außerhalb unserer Kontrolle.', 'Ein Dienstleister hatte ein Problem; es ist unsere Aufgabe, es für Sie zu lösen.'],
    sv: ['Felet ligger utanför vår kontroll.', 'En leverantör hade problem; det är vårt jobb att lösa det.'],
    ro: ['Problema este în afara controlului nostru.', 'Un furnizor a avut o problemă; e treaba noastră să o rezolvăm.'],
    'zh-CN': ['此问题不在我们的控制范围内。', '我们的服务商出现问题，由我们负责解决。'],
  },
  'over-promise': {
    en: ['It will be fixed in 5 minutes.', 'We will post again by 10:45 UTC.'],
    fr: ['Ce sera corrigé dans 5 minutes.', 'Nous publierons une mise à jour d’ici 10 h 45 UTC.'],
    de: ['Das ist in 5 Minuten behoben.', 'Wir melden uns bis 10:45 UTC wieder.'],
    sv: ['Det är åtgärdat inom 5 minuter.', 'Vi hör av oss igen senast 10.45 UTC.'],
    ro: ['Va fi rezolvat în 5 minute.', 'Revenim cu o actualizare până la 10:45 UTC.'],
    'zh-CN': ['5分钟内修复。', '我们将在 10:45 UTC 前发布下一次更新。'],
  },
};

describe('wording rules in every language', () => {
  for (const [rule, byLocale] of Object.entries(CASES)) {
    for (const [locale, [bad, good]] of Object.entries(byLocale)) {
      it(`${rule} (${locale})`, async () => {
        const hit = await inLanguage(locale, bad);
        expect(rules(hit)).toContain(rule);
        expect(hit.find((f) => f.rule === rule)).toMatchObject({ file: fileFor(locale), line: lineFor(locale), severity: 'warning' });
        expect(rules(await inLanguage(locale, good))).not.toContain(rule);
      });
    }
  }

  it('points at the line of the phrase and suggests a fix', async () => {
    const fs = await findings({ [`${DIR}/index.md`]: INDEX, [`${DIR}/2026-11-23T1010Z.md`]: open(`${GOOD}\n\nWe apologize for any inconvenience.`) });
    expect(fs).toEqual([expect.objectContaining({ rule: 'empty-apology', file: `${DIR}/2026-11-23T1010Z.md`, line: 7, message: '"We apologize for any inconvenience" is an empty apology', fix: expect.stringContaining('Say specifically') })]);
  });
});

describe('customer-impact', () => {
  const firsts: Record<string, [string, string]> = {
    en: ['We are investigating an issue with the ingest pipeline.', "Customers can't upload files."],
    fr: ['Nous analysons un incident sur le pipeline.', 'Les clients ne peuvent pas téléverser de fichiers.'],
    de: ['Wir untersuchen einen Vorfall in der Pipeline.', 'Kunden können derzeit keine Dateien hochladen, das Hochladen funktioniert nicht.'],
    sv: ['Vi undersöker en händelse i pipelinen.', 'Kunder kan inte ladda upp filer.'],
    ro: ['Investigăm un eveniment în pipeline.', 'Clienții nu pot încărca fișiere.'],
    'zh-CN': ['我们正在调查管道中的一个事件。', '客户无法上传文件。'],
  };
  for (const [locale, [bad, good]] of Object.entries(firsts)) {
    it(`asks the first update to say what customers experience (${locale})`, async () => {
      const config = CONFIG_ALL.replace('name: Test Co', `name: Test Co\nlocale: ${locale}`);
      const run = async (body: string) => rules(await findings({ [`${DIR}/index.md`]: INDEX, [`${DIR}/2026-11-23T1010Z.md`]: open(body) }, config));
      expect(await run(bad)).toContain('customer-impact');
      expect(await run(good)).not.toContain('customer-impact');
    });
  }
});

describe('state and timing rules', () => {
  it('stale-update: the promised next update has passed', async () => {
    const files = { [`${DIR}/index.md`]: INDEX, [`${DIR}/2026-11-23T1010Z.md`]: open(GOOD, { next_update: '2026-11-23T11:00:00Z' }) };
    expect((await findings(files)).find((f) => f.rule === 'stale-update')).toMatchObject({ severity: 'error', message: 'customers were promised an update by 2026-11-23T11:00:00.000Z, 1 h ago' });
    expect(rules(await findings(files, CONFIG_ALL, new Date('2026-11-23T10:30:00Z')))).not.toContain('stale-update');
  });

  it('open-but-operational: an open incident whose components all show Operational', async () => {
    const files = { [`${DIR}/index.md`]: INDEX, [`${DIR}/2026-11-23T1010Z.md`]: open(GOOD, { components: { api: 'operational' } }) };
    expect(rules(await findings(files))).toContain('open-but-operational');
    const fine = { ...files, [`${DIR}/2026-11-23T1010Z.md`]: open(GOOD, { components: { api: 'partial_outage' } }) };
    expect(rules(await findings(fine))).not.toContain('open-but-operational');
  });

  it('open-but-operational: not on an incident being monitored, whose fix is in place and components back', async () => {
    const files = {
      [`${DIR}/index.md`]: INDEX,
      [`${DIR}/2026-11-23T1010Z.md`]: open(GOOD),
      [`${DIR}/2026-11-23T1100Z.md`]: md({ status: 'monitoring', next_update: '2026-11-23T13:00:00Z', components: { api: 'operational' } }, 'A fix is in place; customers can create invoices again.'),
    };
    expect(rules(await findings(files))).not.toContain('open-but-operational');
  });

  it('mirror-not-deployed: a mirror left without a target while the others deploy', async () => {
    const files = { [`${DIR}/index.md`]: INDEX, [`${DIR}/2026-11-23T1010Z.md`]: open(GOOD) };
    const mirrors = (second: string) => MINIMAL_CONFIG.replace('  - { id: main, url: https://status.test.example/, locale: en }\n', `  - { id: main, url: https://status.test.example/, locale: en, deploy: { target: github-pages } }\n  - { id: eu, url: https://eu.test.example/, locale: de${second} }\n`);
    const missing = (await findings(files, mirrors(''))).filter((f) => f.rule === 'mirror-not-deployed');
    expect(missing).toEqual([expect.objectContaining({ severity: 'warning', file: 'candor.config.yaml', message: 'mirror "eu" (https://eu.test.example/) has no deploy target, so it is never published while "main" is' })]);
    expect(rules(await findings(files, mirrors(', deploy: { target: netlify, site_id: abc }')))).not.toContain('mirror-not-deployed');
    // A site deploying no mirror at all publishes some other way: nothing is forgotten.
    expect(rules(await findings(files, MINIMAL_CONFIG))).not.toContain('mirror-not-deployed');
  });

  it('maintenance-overdue: a window that started or ended without an update', async () => {
    const mnt = (status: string, automatic = false) => ({
      'incidents/2026-11-23-db/index.md': md({ kind: 'maintenance', title: 'DB', components: ['web'], automatic, scheduled: { start: '2026-11-23T09:00:00Z', end: '2026-11-23T10:00:00Z' } }),
      'incidents/2026-11-23-db/2026-11-20T1000Z.md': md({ status: 'scheduled' }, 'Planned.'),
      ...(status === 'in_progress' ? { 'incidents/2026-11-23-db/2026-11-23T0900Z.md': md({ status: 'in_progress' }, 'Started.') } : {}),
    });
    expect((await findings(mnt('scheduled'))).map((f) => f.message)).toEqual(['the window started at 2026-11-23T09:00:00.000Z but no update says work has started']);
    expect((await findings(mnt('in_progress'))).map((f) => f.message)).toEqual(['the window ended at 2026-11-23T10:00:00.000Z but no update marks it completed']);
    // The clock keeps the page true, and lint still says nobody posted — for a day after the end, then not forever.
    const during = new Date('2026-11-23T09:30:00Z');
    expect((await findings(mnt('scheduled', true), CONFIG_ALL, during)).map((f) => f.message)).toEqual([
      'the window started at 2026-11-23T09:00:00.000Z but no update says work has started (the page shows it as in progress by the clock)',
    ]);
    expect((await findings(mnt('scheduled', true))).map((f) => f.message)).toEqual([
      'the window ended at 2026-11-23T10:00:00.000Z but no update marks it completed (the page shows it as completed by the clock)',
    ]);
    expect(await findings(mnt('scheduled', true), CONFIG_ALL, new Date('2026-11-30T12:00:00Z'))).toEqual([]);
  });

  it('all-clear-data-loss and postmortem-overdue: the all-clear and the follow-up', async () => {
    const resolved = (extra: Record<string, unknown>) => ({
      [`${DIR}/index.md`]: INDEX,
      [`${DIR}/2026-11-23T1010Z.md`]: open(GOOD),
      [`${DIR}/2026-11-23T1100Z.md`]: md({ status: 'resolved', ...extra }, 'Fixed since 10:55 UTC.'),
    });
    expect(rules(await findings(resolved({})))).toContain('all-clear-data-loss');
    expect(rules(await findings(resolved({ data_loss: 'none' })))).toEqual([]);
    const later = new Date('2026-11-26T12:00:00Z');
    expect((await findings(resolved({ data_loss: 'none' }), CONFIG_ALL, later)).map((f) => [f.rule, f.message])).toEqual([['postmortem-overdue', 'resolved 73 h ago and still has no postmortem']]);
    const withPm = { ...resolved({ data_loss: 'none' }), [`${DIR}/postmortem.md`]: md({ published: '2026-11-24T10:00:00Z' }, '## Summary\nDone.') };
    expect(rules(await findings(withPm, CONFIG_ALL, later))).toEqual([]);
  });

  it('empty-update and template-placeholder: nothing to read, or an unfilled {{placeholder}}', async () => {
    const fs = await findings({ [`${DIR}/index.md`]: INDEX, [`${DIR}/2026-11-23T1010Z.md`]: open(''), [`${DIR}/2026-11-23T1011Z.md`]: open("Customers can't {{what}}.") });
    expect(fs.map((f) => [f.rule, f.file.slice(-19)])).toEqual([['customer-impact', '2026-11-23T1010Z.md'], ['empty-update', '2026-11-23T1010Z.md'], ['template-placeholder', '2026-11-23T1011Z.md']]);
  });

  it('third-party-in-social and social-too-long: what leaves the status page', async () => {
    const index = md({ kind: 'incident', title: 'Emails late', impact: 'minor', components: ['api'], started: '2026-11-23T10:00:00Z', provider: 'Postwise' });
    const fs = await findings({
      [`${DIR}/index.md`]: index,
      [`${DIR}/2026-11-23T1010Z.md`]: open('Emails are late because Postwise is slow.', { social: 'Emails are late: Postwise is slow.' }),
      [`${DIR}/2026-11-23T1020Z.md`]: open("Customers can't send emails.", { social: 'Emails are late. '.repeat(20) }),
    });
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['third-party-in-social', 'error'], ['social-too-long', 'warning']]);
  });
});

describe('settings', () => {
  const files = { [`${DIR}/index.md`]: INDEX, [`${DIR}/2026-11-23T1010Z.md`]: open(`${GOOD} Our SLA applies. We apologize for any inconvenience.`) };
  it('turns rules off, changes severity and adds words', async () => {
    const config = `${CONFIG_ALL}lint:\n  empty-apology: off\n  jargon: { severity: error, words: [SLA] }\n`;
    const fs = await findings(files, config);
    expect(fs.map((f) => [f.rule, f.severity, f.message])).toEqual([['jargon', 'error', '"SLA" is jargon to most customers']]);
  });

  it('rejects an unknown rule name, suggesting the closest', async () => {
    await expect(siteOf(files, NOW, `${CONFIG_ALL}lint:\n  jargn: off\n`)).rejects.toThrow(/lint\.jargn: no lint rule "jargn"\n {2}fix: did you mean "jargon"\?/);
  });

  it('has a stable id for every rule', () => {
    expect(RULE_IDS).toEqual(['schema', 'stale-update', 'open-but-operational', 'maintenance-overdue', 'empty-update', 'customer-impact', 'jargon', 'empty-apology', 'blame-shifting', 'over-promise', 'template-placeholder', 'all-clear-data-loss', 'postmortem-overdue', 'third-party-in-social', 'social-too-long', 'draft', 'example-clock', 'bare-clock-time', 'time-token', 'vague-time', 'internal-names', 'mirror-not-deployed']);
  });
});

describe('documentation', () => {
  it('documents every rule on the generated lint-rules page', async () => {
    const { lintPage } = await import('../../docs/generate/lint-reference.ts');
    const documented = [...lintPage().matchAll(/^\| `([a-z-]+)` \| (error|warning) \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(RULE_IDS);
  });
});
