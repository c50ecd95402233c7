// The issue form's answers are data: each field is checked against what it may be, and none reaches the command
// line as an option (a phone user typing "--dry-run" as the incident must not turn the post into a dry run).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formToArgs } from '../../scripts/github/issue-form.ts';
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
      expect(r.form).toEqual({ ok: false, problems: [`"Incident" reads "${flag}", which is not an incident's folder name or slug: use lowercase letters, digits and dashes, e.g. 2026-11-23-card-payments`] });
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
    expect(r).toEqual({ ok: true, mode: 'update', argv: ['--yes', '--body=-x', `--at=${AT}`, '--status=identified', '--next-update=30', '--', '2026-11-23-api'] });
  });
});
