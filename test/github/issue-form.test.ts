// The issue form's answers are data: each field is checked against what it may be, and none reaches the command
// line as an option (a phone user typing "--dry-run" as the incident must not turn the post into a dry run).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formToArgs, MAX_MESSAGE } from '../../scripts/github/issue-form.ts';
import { openFormToArgs } from '../../scripts/github/open-form.ts';
import { run as newIncident } from '../../scripts/commands/new.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { renderMarkdown } from '../../site/model/markdown.ts';
import { post } from '../../scripts/commands/update.ts';
import { md, testdir } from '../helpers/testdir.ts';

const INC = 'incidents/2026-11-23-api';
const AT = '2026-11-23T09:40:12Z';
const form = (f: { incident?: string; status?: string; message?: string; next?: string; loss?: string }) =>
  `### Incident\n\n${f.incident ?? '2026-11-23-api'}\n\n### Status\n\n${f.status ?? 'identified'}\n\n### Message to customers\n\n${f.message ?? 'We found the cause.'}\n\n### Next update in (minutes)\n\n${f.next ?? '30'}\n\n### Was any customer data lost?\n\n${f.loss ?? '_No response_'}\n`;
const site = () =>
  testdir({
    [`${INC}/index.md`]: md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], started: '2026-11-23T09:00:00Z' }),
    [`${INC}/2026-11-23T0905Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, 'Some requests fail.'),
  });
/** Runs what `candor github issue-update` runs, in this process; what it printed and the update files after. */
async function postForm(body: string) {
  const form = formToArgs(body, AT);
  if (!form.ok) return { form };
  const root = site();
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const code = await post([`--root=${root}`, ...form.argv], form.mode);
    return { form, code, printed: log.mock.calls.join('\n'), files: readdirSync(join(root, INC)).sort(), root };
  } finally {
    log.mockRestore();
  }
}

describe('the issue form, field by field', () => {
  for (const flag of ['--dry-run', '--help', '-x', '--root=/tmp']) {
    it(`refuses "${flag}" as the incident, saying what an incident name is`, async () => {
      const r = await postForm(form({ incident: flag }));
      expect(r.form).toEqual({ ok: false, problems: [`"Incident" reads "${flag}", which is not one of the form's incidents: choose one from the list of open incidents`] });
    });
  }

  for (const message of ['--dry-run', '--help', '-x']) {
    it(`posts "${message}" as the message, as text, not as an option`, async () => {
      const r = await postForm(form({ message }));
      expect(r.code).toBe(0);
      expect(r.files).toEqual(['2026-11-23T0905Z.md', '2026-11-23T0940Z.md', 'index.md']);
      expect(readFileSync(join(r.root!, INC, '2026-11-23T0940Z.md'), 'utf8')).toMatch(new RegExp(`\\n---\\n${message}\\n$`));
    });
  }

  it('refuses a status, a next update or a data-loss answer the form does not offer', () => {
    expect(formToArgs(form({ status: '--dry-run' }), AT)).toEqual({ ok: false, problems: ['"Status" reads "--dry-run": choose one of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed'] });
    expect(formToArgs(form({ next: '-5' }), AT)).toEqual({ ok: false, problems: ['"Next update in (minutes)" reads "-5": give a number of minutes from 1 to 1440, e.g. 30'] });
    expect(formToArgs(form({ next: '--help' }), AT)).toMatchObject({ ok: false });
    expect(formToArgs(form({ status: 'resolved', loss: '--yes' }), AT)).toEqual({ ok: false, problems: ['"Was any customer data lost?" reads "--yes": choose one of none, some, unknown'] });
  });

  it('puts every answer in a --flag=value argument and the incident after "--"', () => {
    const r = formToArgs(form({ message: '-x' }), AT);
    expect(r).toEqual({ ok: true, mode: 'update', incident: '2026-11-23-api', argv: ['--yes', '--body=-x', `--at=${AT}`, '--status=identified', '--next-update=30', '--', '2026-11-23-api'] });
  });
});

describe('the "Open an incident" form, field by field', () => {
  const open = (f: { title?: string; impact?: string; components?: string; regions?: string; message?: string; next?: string; state?: string }) =>
    `### Title\n\n${f.title ?? 'Card payments fail'}\n\n### Impact\n\n${f.impact ?? 'major'}\n\n### Affected components\n\n${f.components ?? 'API (api), Website (web)'}\n\n### Affected regions\n\n${f.regions ?? '_No response_'}\n\n### Message to customers\n\n${f.message ?? 'Some payments fail.'}\n\n### Next update in (minutes)\n\n${f.next ?? '30'}\n\n### State of the affected components\n\n${f.state ?? '_No response_'}\n`;
  /** Runs what `candor github issue-update` runs for this form, in this process; the new incident as loaded. */
  async function openIncident(body: string) {
    const form = openFormToArgs(body, AT);
    if (!form.ok) throw new Error(form.problems.join('\n'));
    const root = testdir({});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const code = await newIncident([`--root=${root}`, ...form.argv]);
      const loaded = await loadSite(root, { now: new Date(AT) });
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      return { code, incident: loaded.value.incidents[0]! };
    } finally {
      log.mockRestore();
    }
  }

  it('turns the choices into `candor new` flags, each in its own --flag=value', () => {
    expect(openFormToArgs(open({ regions: 'Europe (eu)', state: 'partial_outage' }), AT)).toEqual({
      ok: true,
      argv: ['--yes', '--kind=incident', '--title=Card payments fail', '--impact=major', '--components=api,web', '--body=Some payments fail.', `--at=${AT}`, '--regions=eu', '--next-update=30', '--component=api=partial_outage', '--component=web=partial_outage'],
    });
  });

  it('refuses a title over two lines, a huge title or message, and answers the lists do not offer', () => {
    const problems = (f: Parameters<typeof open>[0]) => (openFormToArgs(open(f), AT) as { problems: string[] }).problems;
    expect(problems({ title: 'Payments\nfail' })).toEqual(['"Title" should be one line, but reads:\nPayments\nfail\nput longer text in "Message to customers"', '"Title" is empty: say what customers experience, e.g. Card payments fail in Europe']);
    expect(problems({ title: 'x'.repeat(201) })).toEqual(['"Title" is 201 characters long: keep it under 200']);
    expect(problems({ message: 'x'.repeat(MAX_MESSAGE + 1) })).toEqual([`"Message to customers" is ${MAX_MESSAGE + 1} characters long: keep it under ${MAX_MESSAGE}; details belong in the postmortem`]);
    expect(problems({ impact: '--yes' })).toEqual(['"Impact" reads "--yes": choose one from the list']);
    expect(problems({ components: '--dry-run' })).toEqual(['"Affected components" reads "--dry-run", which is not a choice of the form\'s list: choose from the list']);
    expect(problems({ components: 'API (api), Evil (../x)' })).toHaveLength(1);
    expect(problems({ state: 'on_fire' })).toEqual(['"State of the affected components" reads "on_fire": choose one of operational, under_maintenance, degraded_performance, partial_outage, major_outage']);
    expect(problems({ next: '`rm -rf`' })).toEqual(['"Next update in (minutes)" reads "\'rm -rf\'": give a number of minutes from 1 to 1440, e.g. 30']);
  });

  it('writes "--help" and HTML in the title as text, and the sanitiser drops a script from the message', async () => {
    const title = '--help <img src=x onerror=alert(1)>';
    const { code, incident } = await openIncident(open({ title, message: 'Payments fail. <script>alert(1)</script>' }));
    expect(code).toBe(0);
    expect(incident).toMatchObject({ title, components: ['api', 'web'], impact: 'major' });
    expect(incident.id).toBe('2026-11-23-help-img-src-x-onerror-alert-1');
    expect(renderMarkdown(incident.updates[0]!.body)).not.toContain('<script');
  });

  it('refuses an unknown impact or component with the CLI\'s own message', async () => {
    await expect(openIncident(open({ impact: 'apocalyptic' }))).rejects.toThrow(/--impact: unknown impact "apocalyptic"/);
    await expect(openIncident(open({ components: 'Billing (billing)' }))).rejects.toThrow(/--components: unknown component "billing"/);
  });
});
