// One run reports every problem of every file, in file order, whatever layer it belongs to (YAML, schema,
// references, timeline), and hostile or broken file-system entries are reported beside them, never thrown.
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatErrors } from '../../site/model/errors.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { candor } from '../helpers/cli.ts';
import { CORPUS_NOW, materialize } from './materialize.ts';

const INC = 'incidents/2026-11-20-api-errors';
const report = async (root: string) => {
  const r = await loadSite(root, { now: CORPUS_NOW });
  return r.ok ? '' : formatErrors(r.errors);
};
const lines = (text: string) => text.split('\n').filter((l) => /^\S/.test(l) && !/problems? found/.test(l));

describe('every problem in one run', () => {
  it('an update with a zone-less time, an unknown component and a misspelt state: all three', async () => {
    const root = materialize({
      name: 'three layers in an update',
      files: { [`${INC}/2026-11-20T1010Z.md`]: '---\nstatus: investigating\nnext_update: 2026-11-20T11:00:00\ncomponents: { apii: partial_outage, api: brokn }\n---\nText.\n' },
      expected: '',
    });
    expect(lines(await report(root))).toEqual([
      'incidents/2026-11-20-api-errors/2026-11-20T1010Z.md:3 next_update: "2026-11-20T11:00:00" has no time zone; add "Z" for UTC or an offset such as "+02:00"',
      'incidents/2026-11-20-api-errors/2026-11-20T1010Z.md:4 components.api: "brokn" is not allowed',
      'incidents/2026-11-20-api-errors/2026-11-20T1010Z.md:4 components.apii: unknown component "apii"',
    ]);
  });

  it('index.md with a zone-less start, an unknown impact and an unknown component, plus a bad update beside it', async () => {
    const root = materialize({
      name: 'three layers in index.md',
      files: {
        [`${INC}/index.md`]: '---\ntitle: API errors\nkind: incident\nimpact: majr\ncomponents: [apii]\nregions: [eu]\nstarted: 2026-11-20T10:00:00\n---\n',
        [`${INC}/2026-11-20T1100Z.md`]: '---\nstatus: resolvd\ndata_loss: none\n---\nFixed.\n',
        [`${INC}/2026-11-20T1200Z.md`]: '---\nstatus: investigating\nnext_update: 2026-11-20T11:30:00Z\n---\nAgain.\n',
      },
      expected: '',
    });
    expect(lines(await report(root))).toEqual([
      'incidents/2026-11-20-api-errors/2026-11-20T1100Z.md:2 status: "resolvd" is not allowed',
      'incidents/2026-11-20-api-errors/2026-11-20T1200Z.md:3 next_update: is not after the update itself',
      'incidents/2026-11-20-api-errors/index.md:4 impact: unknown impact "majr"',
      'incidents/2026-11-20-api-errors/index.md:5 components.0: unknown component "apii"',
      'incidents/2026-11-20-api-errors/index.md:7 started: "2026-11-20T10:00:00" has no time zone; add "Z" for UTC or an offset such as "+02:00"',
    ]);
  });

  it('YAML, schema, reference and timeline problems across several folders, in file order', async () => {
    const root = materialize({
      name: 'four layers, three folders',
      files: {
        [`${INC}/2026-11-20T1010Z.md`]: '---\nstatus: [investigating\n---\nText.\n',
        [`${INC}/2026-11-20T1100Z.md`]: '---\nstatus: resolved\ndata_loss: none\ncomponents: { webb: operational }\n---\nFixed.\n',
        'incidents/2026-11-21-web/index.md': '---\ntitle: Web slow\nkind: incident\nimpact: minor\ncomponents: [web]\nstarted: 2026-11-21T10:00:00Z\n---\n',
        'incidents/2026-11-21-web/2026-11-21T0900Z.md': '---\nstatus: investigating\nnext_update: 2026-11-21T11:00:00Z\n---\nSlow pages.\n',
        'incidents/2026-11-22-x/index.md': '---\ntitle: X\nkind: incident\nimpact: minor\ncomponents: [web]\nstarted: 2026-11-22T10:00:00Z\nsevere: true\n---\n',
        'incidents/2026-11-22-x/2026-11-22T1000Z.md': '---\nstatus: investigating\nnext_update: 2026-11-22T11:00:00Z\n---\nSlow pages.\n',
      },
      expected: '',
    });
    const out = lines(await report(root));
    expect(out.map((l) => l.split(' ')[0])).toEqual([
      'incidents/2026-11-20-api-errors/2026-11-20T1010Z.md:2',
      'incidents/2026-11-20-api-errors/2026-11-20T1100Z.md:4',
      'incidents/2026-11-21-web/2026-11-21T0900Z.md',
      'incidents/2026-11-22-x/index.md:7',
    ]);
    expect(out[2]).toContain('is posted before the incident started');
  });
});

describe('hostile and broken file-system entries are reported with everything else', () => {
  const otherProblem = { [`${INC}/index.md`]: '---\ntitle: API errors in Europe\nkind: incident\nimpact: majr\ncomponents: [api]\nregions: [eu]\nstarted: 2026-11-20T10:00:00Z\n---\n' };
  const IMPACT = 'incidents/2026-11-20-api-errors/index.md:4 impact: unknown impact "majr"';

  it('incidents/ as a symbolic link out of the repository', async () => {
    const outside = materialize({ name: 'outside', files: {}, expected: '' });
    const root = materialize({ name: 'linked incidents', files: { 'candor.config.yaml': 'name: Acme\ncomponents: []\nmirrors: []\n' }, expected: '' });
    rmSync(join(root, 'incidents'), { recursive: true });
    symlinkSync(join(outside, 'incidents'), join(root, 'incidents'));
    const out = lines(await report(root));
    expect(out.at(-1)).toBe('incidents is a symbolic link that leads outside the repository');
    expect(out.slice(0, -1).every((l) => l.startsWith('candor.config.yaml'))).toBe(true);
    expect(out.length).toBeGreaterThan(1);
  });

  it('a translation that links to .git/config, and an update that links to ..', async () => {
    const root = materialize({ name: 'links', files: { ...otherProblem, '.git/config': '[core]\n\tbare = false\n' }, links: { [`${INC}/2026-11-20T1010Z.fr.md`]: '../../.git/config', [`${INC}/2026-11-20T1030Z.md`]: '..' }, expected: '' });
    expect(lines(await report(root))).toEqual([
      'incidents/2026-11-20-api-errors/2026-11-20T1010Z.fr.md is a symbolic link into .git',
      'incidents/2026-11-20-api-errors/2026-11-20T1030Z.md is a folder, not a file',
      IMPACT,
    ]);
  });

  it('an update that is a directory, and a fence like ---foo', async () => {
    const root = materialize({ name: 'dir and fence', files: { ...otherProblem, [`${INC}/2026-11-20T1030Z.md/x.md`]: 'x', [`${INC}/2026-11-20T1100Z.md`]: '---foo\nstatus: resolved\n---\nFixed.\n' }, expected: '' });
    expect(lines(await report(root))).toEqual([
      'incidents/2026-11-20-api-errors/2026-11-20T1030Z.md is a folder, not a file',
      'incidents/2026-11-20-api-errors/2026-11-20T1100Z.md:1 frontmatter in "foo" is not accepted',
      IMPACT,
    ]);
  });

  it('the CLI reports them all, exits 1 and prints no stack trace', () => {
    const root = materialize({ name: 'cli', files: { ...otherProblem, [`${INC}/2026-11-20T1100Z.md`]: '---foo\nstatus: resolved\n---\nFixed.\n' }, links: { [`${INC}/2026-11-20T1030Z.md`]: '..' }, expected: '' });
    const r = candor(['check', '--root', root, '--now', CORPUS_NOW.toISOString()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('3 problems found');
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
