// An unreadable file (EACCES) is reported like any other problem. Tests run as root here, where chmod cannot
// make a file unreadable, so node:fs answers EACCES for one chosen path instead.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatErrors } from '../../site/model/errors.ts';
import { CORPUS_NOW, materialize } from './materialize.ts';

const LOCKED = '2026-11-20T1100Z.md';
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const readFileSync = ((path: string, ...rest: unknown[]) => {
    if (String(path).endsWith(LOCKED)) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', path });
    return (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

describe('an unreadable file', () => {
  it('is reported with the other problems of the run', async () => {
    const { loadSite } = await import('../../site/model/load/index.ts');
    const INC = 'incidents/2026-11-20-api-errors';
    const root = materialize({ name: 'eacces', files: { [`${INC}/index.md`]: '---\ntitle: API errors in Europe\nkind: incident\nimpact: majr\ncomponents: [api]\nregions: [eu]\nstarted: 2026-11-20T10:00:00Z\n---\n' }, expected: '' });
    const r = await loadSite(root, { now: CORPUS_NOW });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : formatErrors(r.errors)).toBe(
      `${INC}/${LOCKED} cannot be read (permission denied)\n  fix: let the user who builds read it: chmod a+r ${join(INC, LOCKED)}\n` +
        `${INC}/index.md:4 impact: unknown impact "majr"\n  fix: did you mean "major"? (use one of: minor, major, critical)\n\n2 problems found; nothing was built.`,
    );
  });
});
