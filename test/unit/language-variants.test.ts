// Regional variants read their base language as their own; the "not translated" note only where the reader
// truly gets another language. Variants the example does not use: en-GB, en-NZ, fr-CA, fr-CH, de-AT, zh-HK, zh-SG.
import { describe, expect, it } from 'vitest';
import { localize } from '../../site/model/format.ts';
import { closestLocale, sameLanguage } from '../../site/model/language.ts';
import { prose } from '../../site/model/translate.ts';
import { siteOf } from '../helpers/site.ts';
import { md, MINIMAL_CONFIG } from '../helpers/testdir.ts';

const tr = (body: string, title?: string) => ({ file: 'x', body, title, bodyLine: 1 });
const ORIGINAL = { body: 'Card payments fail.', title: 'Card payments' };

describe('language variants', () => {
  it('reads text in the base language as the reader\'s own, with no note', () => {
    for (const reader of ['en-AU', 'en-GB', 'en-NZ']) expect(prose(ORIGINAL, {}, reader, 'en')).toMatchObject({ body: ORIGINAL.body, fallback: false });
    // The other way round too: text written in en-GB on an en mirror.
    expect(prose(ORIGINAL, {}, 'en', 'en-GB').fallback).toBe(false);
  });

  it('falls back from a variant to its language before the original, and notes only a real change of language', () => {
    const translations = { fr: tr('Les paiements échouent.', 'Paiements'), de: tr('Zahlungen schlagen fehl.') };
    expect(prose(ORIGINAL, translations, 'fr-CA', 'en')).toMatchObject({ body: 'Les paiements échouent.', title: 'Paiements', lang: 'fr', fallback: false });
    expect(prose(ORIGINAL, translations, 'fr-CH', 'en')).toMatchObject({ lang: 'fr', fallback: false });
    expect(prose(ORIGINAL, translations, 'de-AT', 'en')).toMatchObject({ body: 'Zahlungen schlagen fehl.', title: 'Card payments', fallback: false });
    // A variant's own translation wins over its language's.
    expect(prose(ORIGINAL, { ...translations, 'fr-CA': tr('Les paiements par carte échouent.') }, 'fr-CA', 'en').body).toBe('Les paiements par carte échouent.');
    // Truly another language: the original, with the note.
    expect(prose(ORIGINAL, translations, 'sv-FI', 'en')).toMatchObject({ body: ORIGINAL.body, lang: 'en', fallback: true });
  });

  it('tells scripts apart: zh-HK does not read Simplified Chinese as its own, zh-SG does', () => {
    const translations = { 'zh-CN': tr('银行卡支付失败。') };
    expect(sameLanguage('zh-SG', 'zh-CN')).toBe(true);
    expect(sameLanguage('zh-HK', 'zh-CN')).toBe(false);
    expect(prose(ORIGINAL, translations, 'zh-SG', 'en')).toMatchObject({ body: '银行卡支付失败。', fallback: false });
    expect(prose(ORIGINAL, translations, 'zh-HK', 'en')).toMatchObject({ body: ORIGINAL.body, fallback: true });
    expect(closestLocale(['zh-CN', 'zh-TW'], 'zh-HK')).toBe('zh-TW');
  });

  it('names config text in the variant\'s language', () => {
    const name = { en: 'Payments', fr: 'Paiements', de: 'Zahlungen' };
    expect(localize(name, 'fr-CA', 'en')).toBe('Paiements');
    expect(localize(name, 'de-AT', 'en')).toBe('Zahlungen');
    expect(localize(name, 'en-NZ', 'en')).toBe('Payments');
    expect(localize(name, 'sv-FI', 'en')).toBe('Payments');
  });

  it('accepts a translation into the language a variant mirror reads (fr for an fr-CA mirror)', async () => {
    const config = MINIMAL_CONFIG.replace('{ id: main, url: https://status.test.example/, locale: en }', '{ id: main, url: https://status.test.example/, locale: fr-CA }');
    const dir = 'incidents/2026-11-23-api';
    const site = await siteOf(
      {
        [`${dir}/index.md`]: md({ kind: 'incident', title: 'API errors', impact: 'minor', components: ['api'], started: '2026-11-23T10:00:00Z' }),
        [`${dir}/2026-11-23T1010Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T13:00:00Z' }, 'Some customers see errors.'),
        [`${dir}/2026-11-23T1010Z.fr.md`]: 'Certains clients voient des erreurs.',
      },
      new Date('2026-11-23T12:00:00Z'),
      config,
    );
    const u = site.incidents[0]!.updates[0]!;
    expect(prose({ body: u.body }, u.translations, 'fr-CA', 'en')).toMatchObject({ body: 'Certains clients voient des erreurs.', fallback: false });
  });
});
