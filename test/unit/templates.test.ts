// The prepared messages: complete in every language, fillable, and passing our own linter once filled.
import { describe, expect, it } from 'vitest';
import { lint } from '../../site/model/lint/index.ts';
import { fillTemplate, templateVariables } from '../../site/model/templates/fill.ts';
import { loadTemplates, templatesFor, type Template } from '../../site/model/templates/library.ts';
import { siteOf } from '../helpers/site.ts';
import { md, MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const LOCALES = ['en', 'fr', 'de', 'sv', 'ro', 'zh-CN'];
const SITUATIONS = ['degraded-performance', 'identified', 'investigating-detected', 'investigating-full-outage', 'investigating-partial-outage', 'maintenance-completed', 'maintenance-extended', 'maintenance-scheduled', 'maintenance-started', 'monitoring', 'resolved', 'resolved-detected', 'security-concern', 'still-working', 'third-party'];

async function builtins(): Promise<Template[]> {
  const r = await loadTemplates(testdir({}, { config: null }));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('template library', () => {
  it('covers every situation in every interface language', async () => {
    const all = await builtins();
    for (const locale of LOCALES) expect(all.filter((t) => t.locale === locale).map((t) => t.id).sort(), locale).toEqual(SITUATIONS);
  });

  it('asks for the same things in every language, with the same status and state', async () => {
    const all = await builtins();
    for (const en of all.filter((t) => t.locale === 'en')) {
      for (const t of all.filter((x) => x.id === en.id && x.locale !== 'en')) {
        expect(templateVariables(t.body).sort((a, b) => a.name.localeCompare(b.name)), `${t.locale}/${t.id}`).toEqual(templateVariables(en.body).sort((a, b) => a.name.localeCompare(b.name)));
        expect({ ...t.meta, name: '' }, `${t.locale}/${t.id}`).toEqual({ ...en.meta, name: '' });
      }
    }
  });

  it('lets a team add its own and override a built-in', async () => {
    const root = testdir({ 'templates/en/resolved.md': md({ name: 'Ours', kind: 'incident', status: 'resolved' }, 'Fixed: {{what}}.'), 'templates/en/payments-down.md': md({ name: 'Payments', kind: 'incident', status: 'investigating' }, 'Payments fail.') }, { config: null });
    const r = await loadTemplates(root);
    if (!r.ok) throw new Error('invalid');
    const en = templatesFor(r.value, 'en');
    expect(en.find((t) => t.id === 'resolved')).toMatchObject({ body: 'Fixed: {{what}}.', file: 'templates/en/resolved.md' });
    expect(en.map((t) => t.id)).toContain('payments-down');
  });

  it('reports a broken team template with file and field', async () => {
    const r = await loadTemplates(testdir({ 'templates/en/x.md': md({ name: 'X', kind: 'incident', status: 'fixed' }, 'x') }, { config: null }));
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ file: 'templates/en/x.md', field: 'status', message: '"fixed" is not allowed' })]);
  });
});

describe('filling', () => {
  it('fills placeholders, drops an empty optional paragraph, and reports a missing required one', () => {
    const body = "Customers can't {{what}}.\n\n{{workaround?}}\n\nNext update by {{next_update}}.";
    expect(fillTemplate(body, { what: 'pay', next_update: '10:45 UTC' })).toEqual({ text: "Customers can't pay.\n\nNext update by 10:45 UTC.", missing: [] });
    expect(fillTemplate(body, { what: 'pay', workaround: 'Use a bank transfer.', next_update: '10:45 UTC' }).text).toContain('Use a bank transfer.');
    expect(fillTemplate(body, { next_update: '10:45 UTC' }).missing).toEqual(['what']);
  });

  for (const locale of LOCALES) {
    it(`every ${locale} template, filled, passes the wording rules in ${locale}`, async () => {
      const all = templatesFor(await builtins(), locale).filter((t) => t.locale === locale);
      const config = MINIMAL_CONFIG.replace('name: Test Co', `name: Test Co\nlocale: ${locale}`).replace('locale: en }', `locale: ${locale} }`);
      const files: Record<string, string> = {};
      all.filter((t) => t.meta.kind === 'incident').forEach((t, i) => {
        const dir = `incidents/2026-11-23-t${i}`;
        const { text, missing } = fillTemplate(t.body, Object.fromEntries(templateVariables(t.body).map((v) => [v.name, 'X'])));
        expect(missing).toEqual([]);
        files[`${dir}/index.md`] = md({ kind: 'incident', title: t.meta.name, impact: 'minor', components: ['api'], started: '2026-11-23T10:00:00Z' });
        files[`${dir}/2026-11-23T1010Z.md`] = md({ status: t.meta.status, ...(t.meta.status === 'resolved' ? { data_loss: 'none' } : { next_update: '2026-11-23T13:00:00Z' }) }, text);
      });
      const findings = lint(await siteOf(files, new Date('2026-11-23T12:00:00Z'), config), new Date('2026-11-23T12:00:00Z'));
      const wording = findings.filter((f) => ['jargon', 'empty-apology', 'blame-shifting', 'over-promise', 'template-placeholder'].includes(f.rule));
      expect(wording).toEqual([]);
    });
  }
});
