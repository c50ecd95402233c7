// The documentation site, built for real: no broken link or anchor, reference pages that list every
// config key and lint rule, the six-language structure, and every docs link the code and README give.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildDocs, docsLinkProblems } from '../../docs/check.ts';
import { configRows } from '../../docs/generate/config-reference.ts';
import { RULE_IDS } from '../../site/model/lint/ids.ts';
import { OUT, REPO } from '../helpers/paths.ts';

const DIST = join(OUT, 'docs');
const page = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
/** The text of a page, without tags, so assertions read what a visitor reads. */
const text = (path: string) => page(path).replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

beforeAll(() => {
  const built = buildDocs(DIST);
  expect(built.code, built.output).toBe(0);
}, 180_000);

describe('the docs site', () => {
  it('has no broken link or anchor, and every page is linked', async () => {
    expect(await docsLinkProblems(DIST)).toEqual([]);
  });

  it('lists every key of the example config in the generated configuration reference', () => {
    const config = parse(readFileSync(join(REPO, 'candor.config.yaml'), 'utf8')) as unknown;
    const keys = new Set<string>();
    // Lists become `[]`, maps keyed by ids (impacts, lint rules, per-language names) become `<id>`.
    const walk = (value: unknown, key: string) => {
      if (key) keys.add(key);
      if (Array.isArray(value)) value.filter((v) => v && typeof v === 'object').forEach((v) => walk(v, `${key}[]`));
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (/^(impacts|lint)$/.test(key)) walk(v, `${key}.<id>`);
          else if (/(^|\.)(name|description|label)$/.test(key)) return; // a per-language map of one text
          else walk(v, key ? `${key}.${k}` : k);
        }
      }
    };
    walk(config, '');
    const reference = text('configuration');
    const missing = [...keys].filter((k) => !/^lint\.<id>/.test(k) && !reference.includes(k));
    expect(keys.size).toBeGreaterThan(30);
    expect(missing).toEqual([]);
    // Keys the example leaves out are there too, with their defaults.
    expect(reference).toMatch(/notifications\.channels\[\]\.smtp\.port\s+number\s+no\s+587/);
    expect(reference).toMatch(/uptime\.days\s+number\s+no\s+90\s+Days shown in uptime bars\./);
    expect(reference).toContain('mirrors[].deploy.role_arn');
  });

  it('says what every key means, from the JSDoc in the schemas (so a new key without one fails here)', () => {
    const rows = configRows();
    expect(rows.length).toBeGreaterThan(80);
    expect(rows.filter((r) => !r.description.replace(/^\(\w+: [\w-]+\)/, '').trim()).map((r) => r.key)).toEqual([]);
  });

  it('has its generated reference pages committed as the code writes them (messages link to their sources)', async () => {
    const { GENERATED } = await import('../../docs/generate.ts');
    for (const [file, write] of Object.entries(GENERATED)) {
      const committed = readFileSync(join(REPO, 'docs', 'src', 'content', 'docs', file), 'utf8');
      expect(committed, `${file} is stale: run "node docs/generate.ts" and commit it`).toBe(write());
    }
  });

  it('lists every lint rule with its default severity', () => {
    const rules = text('lint-rules');
    for (const id of RULE_IDS) expect(rules, id).toMatch(new RegExp(`\\b${id}\\s+(error|warning)\\b`));
  });

  it('is in English with a place for each language of the status site', () => {
    expect(page('')).toMatch(/<html lang="en"/);
    for (const [dir, lang] of [['de', 'de'], ['fr', 'fr'], ['sv', 'sv'], ['ro', 'ro'], ['zh-cn', 'zh-CN']]) {
      expect(page(`${dir}/getting-started`), dir).toMatch(new RegExp(`<html lang="${lang}"`));
    }
  });

  it('shows the screenshots of the real site', () => {
    const images = [...page('').matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(images.filter((src) => /\/_astro\/(desktop|phone)\./.test(src))).toHaveLength(2);
  });

  it('has every page and anchor that messages in the code link to', () => {
    const sources = ['site', 'scripts'].flatMap((dir) =>
      readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => readFileSync(join(REPO, dir, f), 'utf8')),
    );
    const links = sources.flatMap((s) => [...s.matchAll(/docsUrl\('([a-z-]+)'(?:, '([a-z-]+)')?\)/g)].map((m) => ({ page: m[1]!, anchor: m[2] })));
    expect(links.length).toBeGreaterThan(5);
    for (const { page: p, anchor } of links) {
      const html = page(p);
      if (anchor) expect(html, `${p}#${anchor}`).toContain(`id="${anchor}"`);
    }
    // And nothing still sends people to a README section that moved here.
    expect(sources.filter((s) => /see (the )?README|README, "|in the README/.test(s))).toEqual([]);
  });
});

describe('the README', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');

  it('fits on about one screen and says the two commands', () => {
    expect(readme.split('\n').length).toBeLessThan(80);
    expect(readme).toMatch(/^npm start\b/m);
    expect(readme).toMatch(/^npm test\b/m);
    expect(readme).toMatch(/!\[[^\]]+\]\(docs\/src\/assets\/screenshots\/desktop\.png\)/);
  });

  it('links only to docs pages that exist', () => {
    const links = [...readme.matchAll(/\]\(docs\/src\/content\/docs\/([a-z-]+)\.md(?:#([a-z-]+))?\)/g)];
    expect(links.length).toBeGreaterThan(8);
    for (const [, p, anchor] of links) {
      const html = page(p!);
      if (anchor) expect(html, `${p}#${anchor}`).toContain(`id="${anchor}"`);
    }
  });
});
// The getting-started guide's commands run, in order, in test/package/guide.test.ts.
