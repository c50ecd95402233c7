// Every built page of every fixture and example mirror: valid HTML (html-validate), and no broken internal
// link or anchor (linkinator crawling the site as served at its base path).
import { HtmlValidate } from 'html-validate';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkProblems } from '../helpers/links.ts';
import { BASIC_SITE, EXAMPLE_OUT, HOSTILE_SITE, MIRRORS_OUT } from '../helpers/paths.ts';

const SITES = [
  { dir: BASIC_SITE, base: '/status/' },
  { dir: join(MIRRORS_OUT, 'world'), base: '/' },
  { dir: join(MIRRORS_OUT, 'eu'), base: '/status/' },
  { dir: HOSTILE_SITE, base: '/' },
  ...['global', 'eu', 'apac'].map((m) => ({ dir: join(EXAMPLE_OUT, m), base: '/' })),
  { dir: join(EXAMPLE_OUT, 'cn'), base: '/status/' },
];
const label = (dir: string) => dir.slice(dir.indexOf('.out') + 5);

describe('HTML validity', () => {
  const validator = new HtmlValidate({ root: true, extends: ['html-validate:recommended'], rules: { 'long-title': 'off', 'no-trailing-whitespace': 'off' } });
  for (const { dir } of SITES) {
    it(`every page of ${label(dir)} validates`, async () => {
      const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(15);
      const problems: string[] = [];
      for (const p of pages) {
        const report = await validator.validateFile(join(dir, p));
        for (const r of report.results) for (const m of r.messages) problems.push(`${p}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('links', () => {
  for (const { dir, base } of SITES) {
    it(`${label(dir)} has no broken internal link or anchor`, async () => {
      // Every page is reachable by following links from the home page (the 404 page only by a missing URL).
      expect(await linkProblems(dir, base)).toEqual([]);
    });
  }
});

