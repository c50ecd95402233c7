// The disk side of the one writer: whole files or none, never a replaced file, no temporary files left behind.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeContent, writeNew } from '../../scripts/lib/write.ts';
import { md, testdir } from '../helpers/testdir.ts';

const DIR = 'incidents/2026-11-23-api-errors';
const index = md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], started: '2026-11-23T09:00:00Z' });
const update = (body: string) => md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, body);
const NOW = new Date('2026-11-23T09:30:00Z');

describe('writing content files', () => {
  it('lets exactly one of two racing imports write a file, whole, and leaves no temporary file', async () => {
    const root = testdir({});
    const big = (c: string) => `${update(c.repeat(200_000))}`;
    const [a, b] = await Promise.all([writeNew(root, [{ path: `${DIR}/2026-11-23T0905Z.md`, content: big('a') }]), writeNew(root, [{ path: `${DIR}/2026-11-23T0905Z.md`, content: big('b') }])]);
    expect([a.written.length + b.written.length, a.skipped.length + b.skipped.length]).toEqual([1, 1]);
    const text = readFileSync(join(root, DIR, '2026-11-23T0905Z.md'), 'utf8');
    expect([big('a'), big('b')]).toContain(text);
    expect(readdirSync(join(root, DIR))).toEqual(['2026-11-23T0905Z.md']);
  });

  it('skips a file an import finds already there, keeping its text', async () => {
    const root = testdir({ [`${DIR}/index.md`]: index });
    const outcome = await writeNew(root, [{ path: `${DIR}/index.md`, content: 'replaced' }, { path: `${DIR}/2026-11-23T0905Z.md`, content: update('New.') }]);
    expect(outcome).toEqual({ written: [`${DIR}/2026-11-23T0905Z.md`], skipped: [`${DIR}/index.md`] });
    expect(readFileSync(join(root, DIR, 'index.md'), 'utf8')).toBe(index);
    expect(readdirSync(join(root, DIR)).sort()).toEqual(['2026-11-23T0905Z.md', 'index.md']);
  });

  it('refuses to replace a file for a command, and takes back what it wrote in that run', async () => {
    const root = testdir({ [`${DIR}/index.md`]: index, [`${DIR}/2026-11-23T0905Z.md`]: update('First.') });
    const files = { [`${DIR}/2026-11-23T0910Z.md`]: update('Second.'), [`${DIR}/2026-11-23T0905Z.md`]: update('Replaced?') };
    await expect(writeContent(root, files, NOW)).rejects.toThrow(/2026-11-23T0905Z\.md already exists; Candor never overwrites a file/);
    expect(readdirSync(join(root, DIR)).sort()).toEqual(['2026-11-23T0905Z.md', 'index.md']);
    expect(readFileSync(join(root, DIR, '2026-11-23T0905Z.md'), 'utf8')).toBe(update('First.'));
  });
});
