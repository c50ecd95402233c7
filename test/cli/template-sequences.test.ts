// Candor's own standard steps pass Candor's own check: every sequence the CLI offers — `new` with each opening
// template, then the update templates in status order, then `resolve` — leaves `candor lint` with no finding at
// all after every step. `monitoring` sets the components back to Operational, and that is what it means (docs:
// writing-incidents, "What each status means"), so open-but-operational must not flag it.
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../site/model/templates/library.ts';
import { candor } from '../helpers/cli.ts';
import { testdir } from '../helpers/testdir.ts';

const START = Date.parse('2026-11-23T10:00:00Z');
const at = (step: number) => new Date(START + step * 10 * 60_000).toISOString();
// Words only a person knows, for every template that asks; a provider for the one about third parties.
const WORDS = ['what=create invoices', 'consequence=Invoices may go out late.', 'still_affected=invoices stay in drafts'].flatMap((s) => ['--set', s]);
// Each step is a CLI run plus a lint run; on a loaded machine one run can take seconds.
const SLOW = 300_000;

const loaded = await loadTemplates(testdir({}));
const templates = loaded.ok ? loaded.value.filter((t) => t.locale === 'en') : [];
const ids = (kind: string, statuses: string[]) => templates.filter((t) => t.meta.kind === kind && statuses.includes(t.meta.status)).map((t) => t.id);

/** What `new` offers to open an incident with (scripts/commands/new.ts), and the update templates in status order. */
const OPENERS = ids('incident', ['investigating', 'identified']);
const INCIDENT_STEPS = ['still-working', 'identified', 'monitoring'];

function step(root: string, args: string[], n: number) {
  const r = candor([...args, '--yes', '--root', root, '--at', at(n)]);
  expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
  const lint = candor(['lint', '--root', root, '--now', at(n)]);
  expect({ after: args.slice(0, 3).join(' '), code: lint.code, out: lint.stdout.trim() }).toEqual({ after: args.slice(0, 3).join(' '), code: 0, out: 'No problems found.' });
}

describe('every template sequence the CLI offers passes lint', () => {
  it('covers the templates there are', () => {
    expect(OPENERS).toEqual(expect.arrayContaining(['investigating-partial-outage', 'investigating-full-outage', 'degraded-performance', 'security-concern', 'third-party']));
    expect(INCIDENT_STEPS.every((id) => templates.some((t) => t.id === id))).toBe(true);
  });

  for (const opener of OPENERS) {
    it(`new --template ${opener} → ${INCIDENT_STEPS.join(' → ')} → resolve`, () => {
      const root = testdir({ 'incidents/.keep': '' });
      // Openers without a level of their own (identified, still-working) take the one a person would pick.
      const impact = templates.find((t) => t.id === opener)!.meta.impact ? [] : ['--impact', 'major'];
      step(root, ['new', '--template', opener, '--title', 'Some customers cannot create invoices', '--components', 'api', '--regions', 'eu', '--provider', 'Postmark', ...impact, ...WORDS], 0);
      INCIDENT_STEPS.forEach((id, i) => step(root, ['update', 'cannot-create-invoices', '--template', id, ...WORDS], i + 1));
      step(root, ['resolve', 'cannot-create-invoices', '--data-loss', 'none', ...WORDS], INCIDENT_STEPS.length + 1);
    }, SLOW);
  }

  it('new --kind maintenance --template maintenance-scheduled → maintenance-started → maintenance-extended → resolve', () => {
    const root = testdir({ 'incidents/.keep': '' });
    step(root, ['new', '--kind', 'maintenance', '--template', 'maintenance-scheduled', '--title', 'Database upgrade', '--components', 'api', '--window-start', at(2), '--window-end', at(4), ...WORDS], 0);
    step(root, ['update', 'database-upgrade', '--template', 'maintenance-started', ...WORDS], 2);
    step(root, ['update', 'database-upgrade', '--template', 'maintenance-extended', '--scheduled-end', at(6), ...WORDS], 3);
    step(root, ['resolve', 'database-upgrade', ...WORDS], 5);
  }, SLOW);
});
