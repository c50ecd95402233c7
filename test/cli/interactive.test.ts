// The interactive mode in a real pseudo-terminal (util-linux `script`), typed into as a person would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/paths.ts';
import { DOWN, ENTER, typeInto } from '../helpers/pty.ts';
import { testdir } from '../helpers/testdir.ts';

describe('candor new in a terminal', () => {
  it('asks for what is missing and writes what was answered', async () => {
    const root = testdir({ 'incidents/.gitkeep': '' });
    const cmd = `${process.execPath} ${CLI} new --root ${root} --at 2026-11-23T09:10:00Z`;
    const out = await typeInto(cmd, [
      [/What is it\?/, ENTER],
      [/Which message\?/, DOWN + DOWN + DOWN + ENTER],
      [/Title/, `Invoices fail to send${ENTER}`],
      [/Impact/, ENTER],
      [/Affected components/, DOWN + ' ' + ENTER],
      [/Affected regions/, ' ' + ENTER],
      [/hear from you next/, ENTER],
      [/verb phrase/, `send invoices${ENTER}`],
      [/What that means/, `Invoices stay unsent.${ENTER}`],
      [/workaround/i, ENTER],
      [/Write these files\?/, ENTER],
      [/Next: git add/, ''],
    ]);
    expect(out).toContain('Next: git add incidents/2026-11-23-invoices-fail-to-send/index.md');
    const update = readFileSync(join(root, 'incidents/2026-11-23-invoices-fail-to-send/2026-11-23T0910Z.md'), 'utf8');
    expect(update).toBe("---\nstatus: investigating\nnext_update: 2026-11-23T09:40:00Z\ncomponents:\n  web: partial_outage\n---\nSome customers can't send invoices in Europe. Invoices stay unsent.\n\nWe're looking into it now and will post again by {time:2026-11-23T09:40:00Z}.\n");
    expect(readFileSync(join(root, 'incidents/2026-11-23-invoices-fail-to-send/index.md'), 'utf8')).toContain('impact: major\ncomponents: [web]\nregions: [eu]\n');
  });
});
