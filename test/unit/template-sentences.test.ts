// Filled templates read as sentences in every language: answers typed carelessly (a capital, a full stop, as
// one would at 3 a.m.) are fitted into the sentence around them, per template and language.
import { describe, expect, it } from 'vitest';
import { fillTemplate, templateVariables } from '../../site/model/templates/fill.ts';
import { joinList } from '../../site/model/templates/sentence.ts';
import { loadTemplates, type Template } from '../../site/model/templates/library.ts';
import { testdir } from '../helpers/testdir.ts';

const LOCALES = ['en', 'fr', 'de', 'sv', 'ro', 'zh-CN'];
const FACTS = ['components', 'regions', 'next_update', 'since', 'provider', 'window_start', 'window_end'];

/** Facts as Candor fills them, and answers as a tired person types them: capitalised, with a full stop. */
function answers(t: Template): Record<string, string> {
  const cjk = t.locale.startsWith('zh');
  const fact: Record<string, string> = { components: 'API', regions: 'Europe', next_update: '10:45 UTC', since: '10:30 UTC', provider: 'Postwise', window_start: '29 Nov, 01:00 UTC', window_end: '03:00 UTC' };
  return Object.fromEntries(templateVariables(t.body).map((v) => [v.name, fact[v.name] ?? (cjk ? '佐比特无法使用。' : 'Zorbit shows an error.')]));
}

const templates = (async () => {
  const r = await loadTemplates(testdir({}, { config: null }));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
})();

describe('answers fitted into sentences', () => {
  for (const locale of LOCALES) {
    it(`every ${locale} template reads as sentences with careless answers`, async () => {
      const all = (await templates).filter((t) => t.locale === locale);
      expect(all.length).toBe(15);
      for (const t of all) {
        const { text, missing } = fillTemplate(t.body, answers(t), { locale, facts: FACTS, names: ['API', 'Europe', 'Postwise'] });
        const where = `${locale}/${t.id}:\n${text}`;
        expect(missing, where).toEqual([]);
        // No doubled or clashing punctuation where an answer meets the template.
        expect(text, where).not.toMatch(/(?<!\.)\.\.(?!\.)|。。|[.。][,，;；:：]|\.。|。\./);
        // Every paragraph ends as a sentence does.
        for (const p of text.split(/\n{2,}/)) expect(p, where).toMatch(/[.!?。！？:)）]$/);
        if (locale.startsWith('zh')) continue;
        // The answer's capital stays only where a sentence starts (German keeps its capitals: nouns).
        if (!locale.startsWith('de')) expect(text, where).not.toMatch(/[\p{Ll},:;–-] Zorbit/u);
        expect(text, where).not.toMatch(/(^|[.!?]\s+|\n)zorbit/u);
      }
    });
  }

  it('turns the pasted answer of the report into a clause', () => {
    const body = "We've found why customers can't {{what}} and are fixing it now. Until the fix is in place, {{still_affected}}.";
    const { text } = fillTemplate(body, { what: 'Download invoices.', still_affected: 'Downloading a PDF of an invoice shows an error.' }, { locale: 'en' });
    expect(text).toBe("We've found why customers can't download invoices and are fixing it now. Until the fix is in place, downloading a PDF of an invoice shows an error.");
  });

  it('gives a sentence its capital and full stop, and keeps names, acronyms and German nouns as written', () => {
    expect(fillTemplate("Customers can't {{what}}. {{consequence}}\n\nNext by {{next_update}}.", { what: 'Pay with PayPal', consequence: 'invoices stay unpaid', next_update: '10:45 UTC' }, { locale: 'en', facts: ['next_update'] }).text).toBe(
      "Customers can't pay with PayPal. Invoices stay unpaid.\n\nNext by 10:45 UTC.",
    );
    expect(fillTemplate('Some customers cannot use {{what}} in Europe.', { what: 'API keys.' }, { locale: 'en' }).text).toBe('Some customers cannot use API keys in Europe.');
    expect(fillTemplate('Kunden können nicht {{what}}. {{consequence}}', { what: 'Rechnungen bezahlen.', consequence: 'rechnungen bleiben offen' }, { locale: 'de' }).text).toBe('Kunden können nicht Rechnungen bezahlen. Rechnungen bleiben offen.');
    expect(fillTemplate('{{regions}}的部分客户目前无法{{what}}。{{consequence}}', { regions: '欧洲', what: '支付发票。', consequence: '发票保持未付' }, { locale: 'zh-CN', facts: ['regions'] }).text).toBe('欧洲的部分客户目前无法支付发票。发票保持未付。');
  });

  it('joins lists the way each language does', () => {
    const items = ['API', 'Website', 'Webhooks'];
    expect(LOCALES.map((l) => joinList(items, l))).toEqual(['API, Website, and Webhooks', 'API, Website et Webhooks', 'API, Website und Webhooks', 'API, Website och Webhooks', 'API, Website și Webhooks', 'API、Website和Webhooks']);
  });
});
