// The one writer beside a broken incident: another incident's mistake does not stop a write, and only the parts
// written to must be valid (issue 27).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidContent, writeContent } from '../../scripts/lib/write.ts';
import { md, testdir } from '../helpers/testdir.ts';

const A = 'incidents/2026-11-23-card-payments';
const B = 'incidents/2026-11-23-api-errors';
const incident = (title: string, component: string) => md({ title, kind: 'incident', impact: 'major', components: [component], started: '2026-11-23T10:00:00Z' });
const typo = md({ status: 'identified', next_update: '2026-11-23T12:30:00Z', components: { apu: 'major_outage' } }, 'We found the cause.');
const HEALTHY = {
  [`${A}/index.md`]: incident('Card payments fail', 'web'),
  [`${A}/2026-11-23T1010Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T12:30:00Z' }, 'Some payments fail.'),
  [`${B}/index.md`]: incident('API errors', 'api'),
  [`${B}/2026-11-23T1020Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T12:30:00Z' }, 'Some requests fail.'),
};

describe('writeContent beside a broken incident', () => {
  const at = new Date('2026-11-23T12:06:00Z');
  const broken = () => testdir({ ...HEALTHY, [`${A}/2026-11-23T1100Z.md`]: typo });

  it('writes into a healthy incident', async () => {
    const root = broken();
    await writeContent(root, { [`${B}/2026-11-23T1205Z.md`]: md({ status: 'identified', next_update: '2026-11-23T12:45:00Z' }, 'We found it.') }, at);
    expect(existsSync(join(root, B, '2026-11-23T1205Z.md'))).toBe(true);
  });

  it('refuses a file that breaks the incident it is written to, with that incident\'s problems only', async () => {
    const root = broken();
    const write = writeContent(root, { [`${B}/2026-11-23T1205Z.md`]: md({ status: 'identified', next_update: '2026-11-23T12:45:00Z', components: { wbe: 'major_outage' } }, 'x') }, at);
    const error = await write.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidContent);
    expect((error as InvalidContent).errors.map((e) => `${e.file} ${e.field}`)).toEqual([`${B}/2026-11-23T1205Z.md components.wbe`]);
    expect(existsSync(join(root, B, '2026-11-23T1205Z.md'))).toBe(false);
  });

  it('refuses writing into the broken incident', async () => {
    const root = broken();
    const write = writeContent(root, { [`${A}/2026-11-23T1205Z.md`]: md({ status: 'identified', next_update: '2026-11-23T12:45:00Z' }, 'Fine.') }, at);
    await expect(write).rejects.toThrow(/components\.apu: unknown component "apu"/);
    expect(existsSync(join(root, A, '2026-11-23T1205Z.md'))).toBe(false);
  });
});
