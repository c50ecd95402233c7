import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogProblems, catalogs, languageName, t, uiLocaleFor, UI_LOCALES } from '../../site/i18n/index.ts';
import en from '../../site/i18n/en.json' with { type: 'json' };
import { REPO } from '../helpers/paths.ts';

const DIR = join(REPO, 'site', 'i18n');
/** Placeholder names in a message, ignoring the text inside plural branches. */
const placeholders = (message: string) => new Set([...message.matchAll(/\{\s*([a-zA-Z]+)\s*[,}]/g)].map((m) => m[1]));

describe('UI translations', () => {
  it('ships the six languages of the interface, one file each', () => {
    expect([...UI_LOCALES].sort()).toEqual(['de', 'en', 'fr', 'ro', 'sv', 'zh-CN']);
    expect(readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(['de.json', 'en.json', 'fr.json', 'ro.json', 'sv.json', 'zh-CN.json']);
  });

  for (const locale of ['fr', 'de', 'sv', 'ro', 'zh-CN']) {
    it(`${locale}: has exactly the English keys, the same placeholders, and messages that format`, () => {
      const catalog = JSON.parse(readFileSync(join(DIR, `${locale}.json`), 'utf8')) as Record<string, string>;
      expect(Object.keys(catalog)).toEqual(Object.keys(en));
      for (const [key, message] of Object.entries(catalog)) {
        expect(placeholders(message), `${locale} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
      // A few words are the same in both languages ("Maintenance", "Impact"); whole sentences are not.
      const words = (m: string) => m.replace(/\{[^{}]*\}/g, '').match(/\p{L}+/gu) ?? [];
      const untranslated = Object.keys(en).filter((k) => catalog[k] === en[k as keyof typeof en] && words(catalog[k]!).length > 1);
      expect(untranslated, `${locale} strings left in English`).toEqual([]);
      const params = { count: 3, name: 'X', time: 'T', duration: 'D', percent: 'P', days: 90, date: 'D', provider: 'P', component: 'C', state: 'S', zone: 'Z', region: 'R', month: 'M', title: 'T', status: 'S', label: 'L', value: 'V', checks: 'K', p50: '1 ms', p95: '2 ms' };
      for (const key of Object.keys(en) as (keyof typeof en)[]) expect(() => t(locale, key, params), `${locale} ${key}`).not.toThrow();
    });
  }

  it('has no key that nothing uses', () => {
    const sources = ['site', 'scripts']
      .flatMap((dir) => readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(astro|ts)$/.test(f) && !f.startsWith('i18n')).map((f) => join(REPO, dir, f)))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // Keys built from a prefix (`state.${state}`) count as used when the prefix is.
    const unused = Object.keys(en).filter((k) => !sources.includes(`'${k}'`) && !sources.includes(`"${k}"`) && !sources.includes(`\`${k.replace(/[^.]+$/, '')}\${`));
    expect(unused).toEqual([]);
  });

  it('rejects a catalog with a missing, blank, non-text or extra key', () => {
    const { ['nav.history']: _dropped, ...missing } = en;
    expect(catalogProblems(missing)).toEqual(['nav.history: missing (English has it)']);
    expect(catalogProblems({ ...en, 'nav.status': '  ' })).toEqual(['nav.status: must be words, not "  "']);
    expect(catalogProblems({ ...en, 'nav.status': 3 })).toEqual(['nav.status: must be words, not 3']);
    expect(catalogProblems({ ...en, 'nav.extra': 'x' })).toEqual(['nav.extra: not a key English has']);
    for (const catalog of Object.values(catalogs)) expect(catalogProblems(catalog)).toEqual([]);
  });

  it('uses each language\'s plural rules', () => {
    expect(t('en', 'overall.detail.incidents', { count: 1 })).toMatch(/^1 incident is open/);
    expect(t('en', 'overall.detail.incidents', { count: 2 })).toMatch(/^2 incidents are open/);
    expect(t('ro', 'overall.detail.incidents', { count: 2 })).not.toBe(t('ro', 'overall.detail.incidents', { count: 20 }).replace('20', '2'));
    expect(t('de', 'state.major_outage')).toBe(catalogs.de!['state.major_outage']);
  });

  it('falls back from a regional locale to its language', () => {
    expect(uiLocaleFor('en-AU')).toBe('en');
    expect(uiLocaleFor('zh-CN')).toBe('zh-CN');
    expect(uiLocaleFor('pt')).toBeUndefined();
    expect(t('en-AU', 'nav.history')).toBe('History');
  });

  it('names each language in itself for the switcher', () => {
    expect(languageName('de')).toBe('Deutsch');
    expect(languageName('fr')).toBe('Français');
    expect(languageName('zh-CN')).toMatch(/^中文/);
  });
});
