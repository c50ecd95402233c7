// cState posts written as logs without track shortcodes, the usual way of real cState sites: labels become statuses
// and the post's own dates become the times, in the languages cState sites write; what cannot be read stays whole
// and is reported, and dates that contradict each other are reported. Starts from cState's own example post
// "Issues Sending DMs" (test/fixtures/import/real/cstate, see PROVENANCE.md), then the same shape in other words.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oldestFirst, splitUntracked } from '../../scripts/import/cstate/updates.ts';
import { importInProcess, REAL, scratchDir } from './pipeline.ts';

const NOW = '2026-11-30T12:00:00Z';
const REAL_POST = join(REAL, 'cstate', 'exampleSite', 'content', 'issues', '2018-01-17-sending-dms-impacted.md');

async function importPosts(posts: Record<string, string>) {
  const dir = join(scratchDir(), 'content', 'issues');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(posts)) writeFileSync(join(dir, name), text);
  const r = await importInProcess('cstate', [dir], NOW);
  const incident = r.site.incidents[0]!;
  return { ...r, updates: incident.updates.map((u) => ({ at: u.at.toISOString(), status: u.status, body: u.body })), incident };
}

const post = (front: string, body: string) => `---\ntitle: Issues Sending DMs\n${front}severity: disrupted\naffected:\n  - API\nsection: issue\n---\n\n${body}`;

describe('a log without track shortcodes', () => {
  it("becomes the real post's timeline: its first entry at its date, its last at resolvedWhen, each under its own label", async () => {
    const r = await importPosts({ 'dms.md': readFileSync(REAL_POST, 'utf8') });
    expect(r.updates).toEqual([
      { at: '2017-12-17T16:24:00.000Z', status: 'investigating', body: "We're aware of an issue affecting sending DMs and viewing online friends. We're online and working on a resolution." },
      { at: '2017-12-19T16:58:00.000Z', status: 'resolved', body: '*Update* - This incident has been resolved.' },
    ]);
    expect(r.text).toContain('dms.md: is written as a log without times (labels "Update", "Investigating"): its first entry ("Investigating") is an update at its date (2017-12-17T16:24:00Z), its last ("Update") one at its resolvedWhen (2017-12-19T16:58:00Z)');
  });

  it('reads *Investigating*, *Update*, *Resolved* and *Complete* logs; entries without a date of their own stay, labelled, in the first update', async () => {
    const r = await importPosts({
      'db.md': post(
        'date: 2021-03-02 09:00:00\nresolved: true\nresolvedWhen: 2021-03-02 11:30:00\n',
        '*Complete* - All systems are back.\n\n*Update* - A fix is being rolled out.\n\n*Identified* - A database failover.\n\n*Investigating* - Messages fail to send.\n',
      ),
    });
    expect(r.updates).toEqual([
      { at: '2021-03-02T09:00:00.000Z', status: 'investigating', body: 'Messages fail to send.\n\n*Identified* - A database failover.\n\n*Update* - A fix is being rolled out.' },
      { at: '2021-03-02T11:30:00.000Z', status: 'resolved', body: 'All systems are back.' },
    ]);
    expect(r.text).toContain('2 entries between ("Identified", "Update") have no date of their own and stay in the first update\'s text with their labels');
  });

  it.each([
    ['German', '*Behoben* - Alles läuft wieder.\n\n*Aktualisierung* - Wir spielen einen Fix ein.\n\n*Untersuchung* - Nachrichten werden nicht zugestellt.\n', 'Nachrichten werden nicht zugestellt.', 'Alles läuft wieder.'],
    ['French', '*Résolu* - Tout fonctionne à nouveau.\n\n*Mise à jour* - Un correctif est en cours.\n\n*Enquête* - Les messages ne partent pas.\n', 'Les messages ne partent pas.', 'Tout fonctionne à nouveau.'],
    ['Spanish', '**Resuelto**: Todo funciona de nuevo.\n\n**Actualización**: Aplicamos una corrección.\n\n**Investigando**: Los mensajes no se envían.\n', 'Los mensajes no se envían.', 'Todo funciona de nuevo.'],
    ['Dutch', '*Opgelost* - Alles werkt weer.\n\n*Update* - We rollen een fix uit.\n\n*Onderzoek* - Berichten komen niet aan.\n', 'Berichten komen niet aan.', 'Alles werkt weer.'],
  ])('reads the labels of a %s log', async (_, body, first, last) => {
    const r = await importPosts({ 'x.md': post('date: 2021-03-02 09:00:00\nresolved: true\nresolvedWhen: 2021-03-02 11:30:00\n', body) });
    expect(r.updates.map((u) => [u.status, u.body.split('\n\n')[0]])).toEqual([
      ['investigating', first],
      ['resolved', last],
    ]);
  });

  it('keeps a log whose order its labels do not tell whole, and says so', async () => {
    const r = await importPosts({ 'x.md': post('date: 2021-03-02 09:00:00\nresolved: true\nresolvedWhen: 2021-03-02 11:30:00\n', '*Update* - One.\n\n*Monitoring* - Two.\n\n*Update* - Three.\n') });
    expect(r.updates).toHaveLength(1);
    expect(r.updates[0]!.body).toBe('*Update* - One.\n\n*Monitoring* - Two.\n\n*Update* - Three.');
    expect(r.text).toContain('x.md: is written as a log without times (labels "Update", "Monitoring", "Update"), but its labels do not say which entry came first; it stays whole, as one update — check it');
  });
});

describe('maintenance written in another language', () => {
  it('is told by its labels (Geplant, In Bearbeitung, Abgeschlossen) or its title (Wartung)', async () => {
    const body = '*Abgeschlossen* - Fertig. {{< track "2021-03-02 10:00:00" >}}\n\n*In Bearbeitung* - Wir beginnen. {{< track "2021-03-02 09:00:00" >}}\n\n*Geplant* - Datenbank-Update. {{< track "2021-03-01 09:00:00" >}}\n';
    const front = (title: string) => `---\ntitle: ${title}\ndate: 2021-03-02 09:00:00\nresolved: true\nresolvedWhen: 2021-03-02 10:00:00\nseverity: notice\naffected:\n  - API\nsection: issue\n---\n\n`;
    const labelled = await importPosts({ 'x.md': front('Datenbank') + body });
    expect([labelled.incident.kind, ...labelled.updates.map((u) => u.status)]).toEqual(['maintenance', 'scheduled', 'in_progress', 'completed']);
    const titled = await importPosts({ 'y.md': front('Geplante Wartung') + 'Die Datenbank wird aktualisiert.\n' });
    expect(titled.incident.kind).toBe('maintenance');
  });
});

describe('dates that contradict each other', () => {
  it('reports a resolvedWhen a week before the date, and keeps the log whole rather than invent a time', async () => {
    // The real post with its resolvedWhen moved a week before its date, as a copy-pasted front matter leaves it.
    const text = readFileSync(REAL_POST, 'utf8').replace('resolvedWhen: 2017-12-19 16:58:00', 'resolvedWhen: 2017-12-10 16:24:00');
    const r = await importPosts({ 'dms.md': text });
    expect(r.text).toContain('dms.md: resolvedWhen (2017-12-10T16:24:00Z) is 7 days before its date (2017-12-17T16:24:00Z): the post\'s dates contradict each other');
    expect(r.text).toContain('but its resolvedWhen is not after its date; it stays whole');
    expect(r.updates.map((u) => u.at)).toEqual(['2017-12-17T16:24:00.000Z']);
  });

  it('reports it for a post with tracked updates too', async () => {
    const r = await importPosts({
      'x.md': post('date: 2021-03-02 09:00:00\nresolved: true\nresolvedWhen: 2021-03-01 09:00:00\n', '*Resolved* - Fixed. {{< track "2021-03-02 10:00:00" >}}\n\n*Investigating* - Broken. {{< track "2021-03-02 09:00:00" >}}\n'),
    });
    expect(r.text).toContain("x.md: resolvedWhen (2021-03-01T09:00:00Z) is 1 day before its date (2021-03-02T09:00:00Z): the post's dates contradict each other");
  });
});

describe('oldestFirst', () => {
  const e = (status: string | undefined) => ({ ...(status ? { status: status as never } : {}), label: status ?? 'Update', body: '', text: '' });
  it('reads newest-first and oldest-first logs, and refuses to guess', () => {
    expect(oldestFirst([e('resolved'), e(undefined), e('investigating')])?.map((x) => x.label)).toEqual(['investigating', 'Update', 'resolved']);
    expect(oldestFirst([e('investigating'), e('monitoring'), e('resolved')])?.map((x) => x.label)).toEqual(['investigating', 'monitoring', 'resolved']);
    expect(oldestFirst([e(undefined), e('monitoring'), e(undefined)])).toBeUndefined();
    expect(oldestFirst([e('monitoring'), e('resolved'), e('investigating')])).toBeUndefined();
  });

  it('starts an entry only at a known label', () => {
    expect(splitUntracked(['**Note**: read this.', '*Investigating* - A.', '*Resolved* - B.'])).toEqual({
      intro: ['**Note**: read this.'],
      entries: [
        { status: 'investigating', label: 'Investigating', body: 'A.', text: '*Investigating* - A.' },
        { status: 'resolved', label: 'Resolved', body: 'B.', text: '*Resolved* - B.' },
      ],
    });
  });
});
