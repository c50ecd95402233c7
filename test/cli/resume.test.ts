// Never losing a word, in a real pseudo-terminal: answers survive an "n" at the last question, a validation
// failure (only the answers behind it are asked again) and Ctrl-C, and come back on the next run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/paths.ts';
import { CTRL_C, DOWN, ENTER, typeInto } from '../helpers/pty.ts';
import { testdir } from '../helpers/testdir.ts';

const AT = '2026-11-23T09:10:00Z';
const DIR = 'incidents/2026-11-23-invoices-fail-to-send';
const UPDATE = "---\nstatus: investigating\nnext_update: 2026-11-23T09:40:00Z\ncomponents:\n  web: partial_outage\n---\nSome customers can't send invoices in Europe. Invoices stay unsent.\n\nWe're looking into it now and will post again by {time:2026-11-23T09:40:00Z}.\n";
const cli = (root: string, args = '') => `${process.execPath} ${CLI} new --root ${root} --at ${AT} ${args}`;
const draftOf = (root: string) => join(root, '.candor/drafts/new.json');

/** Everything `candor new` asks for an incident, up to (not including) "Write these files?". */
const ANSWERS: [RegExp, string][] = [
  [/What is it\?/, ENTER],
  [/Which message\?/, DOWN + DOWN + DOWN + ENTER],
  [/Title/, `Invoices fail to send${ENTER}`],
  [/Impact/, ENTER],
  [/Affected components/, DOWN + ' ' + ENTER],
  [/Affected regions/, ' ' + ENTER],
  [/hear from you next/, ENTER],
  [/verb phrase/, `Send invoices.${ENTER}`],
  [/What that means/, `invoices stay unsent${ENTER}`],
  [/workaround/i, ENTER],
];

describe('resumable drafts in a terminal', () => {
  it('keeps every answer after "n" and writes them with --resume, asking nothing again', async () => {
    const root = testdir({ 'incidents/.gitkeep': '' });
    const first = await typeInto(cli(root), [...ANSWERS, [/Write these files\?/, `n${ENTER}`], [/Nothing written/, '']]);
    expect(first).toContain('Your answers are kept: "candor new --resume" picks up here');
    expect(existsSync(join(root, DIR))).toBe(false);
    expect(JSON.parse(readFileSync(draftOf(root), 'utf8')).answers).toMatchObject({ '--title': 'Invoices fail to send', '--set what=…': 'Send invoices.' });

    const second = await typeInto(cli(root, '--resume'), [[/Write these files\?/, ENTER], [/Next: git add/, '']]);
    expect(second).not.toMatch(/What is it\?|Title|verb phrase/);
    expect(readFileSync(join(root, DIR, '2026-11-23T0910Z.md'), 'utf8')).toBe(UPDATE);
    expect(existsSync(draftOf(root))).toBe(false);
  });

  it('after a validation failure shows the problem and asks again only the answer behind it', async () => {
    const root = testdir({ 'incidents/.gitkeep': '' });
    const out = await typeInto(cli(root), [
      [/What is it\?/, DOWN + ENTER],
      [/Which message\?/, ENTER],
      [/Title/, `Database upgrade${ENTER}`],
      [/Affected components/, ' ' + ENTER],
      [/Affected regions/, ENTER],
      [/Window starts/, `2026-11-29T03:00:00Z${ENTER}`],
      [/Window ends/, `2026-11-29T01:00:00Z${ENTER}`],
      [/verb phrase/, `change invoices${ENTER}`],
      [/prepare/, ENTER],
      [/Write these files\?/, ENTER],
      [/Asking again only/, ''],
      [/Window ends/, `2026-11-29T05:00:00Z${ENTER}`],
      [/Write these files\?/, ENTER],
      [/Next: git add/, ''],
    ]);
    expect(out).toContain('scheduled.end: ends before (or when) the window starts');
    expect(out).toContain('Asking again only: --window-end');
    const retried = out.slice(out.indexOf('Asking again only'));
    expect(retried).not.toMatch(/Title|Window starts|verb phrase/);
    expect(readFileSync(join(root, 'incidents/2026-11-29-database-upgrade/index.md'), 'utf8')).toContain('scheduled: { start: 2026-11-29T03:00:00Z, end: 2026-11-29T05:00:00Z }\n');
  });

  it('keeps the answers given before Ctrl-C and offers them on the next run', async () => {
    const root = testdir({ 'incidents/.gitkeep': '' });
    const stopped = await typeInto(cli(root), [...ANSWERS.slice(0, 3), [/Impact/, CTRL_C]]);
    expect(stopped).toContain('Your answers so far are kept');
    expect(stopped).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    const resumed = await typeInto(cli(root), [[/Resume your draft/, ENTER], ...ANSWERS.slice(3), [/Write these files\?/, ENTER], [/Next: git add/, '']]);
    expect(resumed.slice(resumed.indexOf('Resume your draft'))).not.toMatch(/What is it\?|Title/);
    expect(readFileSync(join(root, DIR, '2026-11-23T0910Z.md'), 'utf8')).toBe(UPDATE);
  });
});
