// Every broken input in the corpus yields exactly its expected report; a few also through the real CLI.
import { describe, expect, it } from 'vitest';
import { formatErrors } from '../../site/model/errors.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { candor } from '../helpers/cli.ts';
import { CASES } from './cases.ts';
import { CORPUS_NOW, materialize } from './materialize.ts';

describe('broken-input corpus', () => {
  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it('starts from a valid repository', async () => {
    expect((await loadSite(materialize({ name: 'base', files: {}, expected: '' }), { now: CORPUS_NOW })).ok).toBe(true);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const r = await loadSite(materialize(c), { now: CORPUS_NOW });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(formatErrors(r.errors)).toBe(c.expected);
    });
  }

  it('reports every problem of a repository in one run', async () => {
    const many = CASES.filter((c) => ['unknown impact', 'file outside an incident folder', 'translation into the content language', 'maintenance ending before it starts'].includes(c.name));
    const merged = { name: 'merged', files: Object.assign({}, ...many.map((c) => c.files)), expected: '' };
    const r = await loadSite(materialize(merged), { now: CORPUS_NOW });
    expect(r.ok ? 0 : r.errors.length).toBe(4);
  });

  for (const name of ['YAML alias bomb', 'non-UTF-8 bytes', 'symbolic link out of the repository', 'config with a bad URL and zone']) {
    it(`the CLI says the same for "${name}", exits 1 and shows no stack trace`, () => {
      const c = CASES.find((x) => x.name === name)!;
      const r = candor(['check', '--root', materialize(c), '--now', CORPUS_NOW.toISOString()]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`candor: the content has problems:\n\n${c.expected}\n`);
      expect(r.stderr).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
    });
  }
});
