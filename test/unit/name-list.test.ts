// Names read as a list in every language, and a name that holds the language's "and" is never split by it.
import { describe, expect, it } from 'vitest';
import { UI_LOCALES } from '../../site/i18n/index.ts';
import { formatter, nameList } from '../../site/model/format.ts';

/** Per language: two plain names, three, and two where the first holds that language's "and" (the example's names). */
const CASES: Record<string, { two: [string[], string]; three: [string[], string]; holdsAnd: [string[], string] }> = {
  en: {
    two: [['Web app', 'API'], 'Web app and API'],
    three: [['Web app', 'API', 'Webhooks'], 'Web app, API, and Webhooks'],
    holdsAnd: [['Reports and exports', 'Web app'], 'Reports and exports, Web app'],
  },
  de: {
    two: [['Web-App', 'API'], 'Web-App und API'],
    three: [['Web-App', 'API', 'Webhooks'], 'Web-App, API und Webhooks'],
    holdsAnd: [['Berichte und Exporte', 'Web-App'], 'Berichte und Exporte, Web-App'],
  },
  fr: {
    two: [['Application web', 'API'], 'Application web et API'],
    three: [['Application web', 'API', 'Webhooks'], 'Application web, API et Webhooks'],
    holdsAnd: [['Paiements et facturation', 'API'], 'Paiements et facturation, API'],
  },
  sv: {
    two: [['Webbapp', 'API'], 'Webbapp och API'],
    three: [['Webbapp', 'API', 'Webhooks'], 'Webbapp, API och Webhooks'],
    holdsAnd: [['Rapporter och exporter', 'Webbapp'], 'Rapporter och exporter, Webbapp'],
  },
  ro: {
    two: [['Aplicație web', 'API'], 'Aplicație web și API'],
    three: [['Aplicație web', 'API', 'Webhook-uri'], 'Aplicație web, API și Webhook-uri'],
    holdsAnd: [['Rapoarte și exporturi', 'Aplicație web'], 'Rapoarte și exporturi, Aplicație web'],
  },
  'zh-CN': {
    two: [['网页版', 'API'], '网页版和API'],
    three: [['网页版', 'API', 'Webhook'], '网页版、API和Webhook'],
    holdsAnd: [['付款和开票', '网页版'], '付款和开票、网页版'],
  },
};

describe('lists of names', () => {
  it('has a case for every interface language', () => {
    expect(Object.keys(CASES).sort()).toEqual([...UI_LOCALES].sort());
  });

  for (const [locale, { two, three, holdsAnd }] of Object.entries(CASES)) {
    it(`joins names as ${locale} does`, () => {
      expect(nameList(locale, two[0])).toBe(two[1]);
      expect(nameList(locale, three[0])).toBe(three[1]);
      expect(nameList(locale, ['API'])).toBe('API');
      expect(formatter(locale, 'UTC').names(two[0])).toBe(two[1]);
    });

    it(`separates names holding "and" with the list comma alone in ${locale}`, () => {
      expect(nameList(locale, holdsAnd[0])).toBe(holdsAnd[1]);
    });
  }

  it('counts "and" only as a whole word', () => {
    expect(nameList('en', ['Brand pages', 'API'])).toBe('Brand pages and API');
    expect(nameList('de', ['Kundenportal', 'API'])).toBe('Kundenportal und API');
  });

  it('follows regional English: Australian lists drop the serial comma', () => {
    expect(nameList('en-AU', ['Web app', 'API', 'Webhooks'])).toBe('Web app, API and Webhooks');
  });
});
