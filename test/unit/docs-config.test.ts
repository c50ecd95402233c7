// Every candor.config.yaml the documentation shows is one the real loader accepts: parsed by the same YAML
// parser, validated by the config schema and its cross-checks (regions, groups, languages with a catalog).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../site/model/load/config.ts';
import { REPO } from '../helpers/paths.ts';
import { testdir } from '../helpers/testdir.ts';

const DOCS = join(REPO, 'docs', 'src', 'content', 'docs');

/** Code blocks titled candor.config.yaml, with the indentation of a list item taken off. */
function configBlocks(): { page: string; yaml: string }[] {
  return readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .flatMap((page) =>
      [...readFileSync(join(DOCS, page), 'utf8').matchAll(/^( *)```yaml title="candor\.config\.yaml"\n([\s\S]*?)^\1```$/gm)].map((m) => ({
        page,
        yaml: m[2]!.split('\n').map((line) => line.slice(m[1]!.length)).join('\n'),
      })),
    );
}

describe('configs in the docs', () => {
  const blocks = configBlocks();

  // The getting-started guide shows no config of its own any more: `candor init` writes a complete, annotated one,
  // which test/package/init.test.ts lints and builds.
  it('include a complete one with two mirrors, regions, languages and time zones', () => {
    expect(blocks.map((b) => b.page)).toEqual(expect.arrayContaining(['languages-and-mirrors.md']));
  });

  for (const { page, yaml } of blocks) {
    it(`${page}: parses and validates with the real config schema`, async () => {
      const { config, errors } = await readConfig(testdir({}, { config: yaml }));
      expect(errors).toEqual([]);
      expect(config!.mirrors.every((m) => m.deploy), 'every mirror in an example deploys').toBe(true);
    });
  }

  it('languages-and-mirrors.md: the complete one has what it claims', async () => {
    const { yaml } = blocks.find((b) => b.page === 'languages-and-mirrors.md')!;
    const { config } = await readConfig(testdir({}, { config: yaml }));
    expect(config!.mirrors).toHaveLength(2);
    expect(config!.regions.map((r) => r.id)).toEqual(['eu', 'us']);
    expect(new Set(config!.mirrors.flatMap((m) => m.locales ?? [m.locale]))).toEqual(new Set(['en', 'de', 'fr']));
    expect(config!.mirrors.map((m) => m.time_zone)).toEqual(['UTC', 'Europe/Berlin']);
    // Annotated: every line of the mirrors says what it is for.
    const mirrorLines = yaml.slice(yaml.indexOf('mirrors:')).split('\n').filter((l) => l.trim());
    expect(mirrorLines.filter((l) => !l.includes('#') && !/^\s+(- id|name):/.test(l))).toEqual([]);
  });
});
