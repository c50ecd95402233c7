// Advice never moves status backwards: every template, in every language, keeps or advances the status of
// every open incident or window it can be applied to; and the CLI does what lint advises.
import { describe, expect, it } from 'vitest';
import { advanceTo, INCIDENT_STATUSES, isFinalStatus, MAINTENANCE_STATUSES, type Status } from '../../site/model/states.ts';
import { BUILTIN_TEMPLATES, loadTemplates } from '../../site/model/templates/library.ts';
import { candor } from '../helpers/cli.ts';
import { md, testdir } from '../helpers/testdir.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const order = (s: Status) => Math.max(INCIDENT_STATUSES.indexOf(s as never), MAINTENANCE_STATUSES.indexOf(s as never));

describe('templates never move status backwards', () => {
  it('keeps or advances every open status, for every built-in template in every language', async () => {
    const loaded = await loadTemplates(testdir({}));
    expect(loaded.ok).toBe(true);
    const templates = loaded.ok ? loaded.value : [];
    expect(templates.length).toBeGreaterThan(13 * 5);
    expect(BUILTIN_TEMPLATES).toMatch(/templates$/);
    for (const t of templates) {
      const statuses = t.meta.kind === 'incident' ? INCIDENT_STATUSES : MAINTENANCE_STATUSES;
      for (const current of statuses.filter((s) => !isFinalStatus(s))) {
        const after = advanceTo(current, t.meta.status);
        expect(isFinalStatus(after) || order(after) >= order(current), `${t.locale}/${t.id} on ${current} gives ${after}`).toBe(true);
      }
    }
    // Reopening a closed incident takes the template's status.
    expect(advanceTo('resolved', 'investigating')).toBe('investigating');
  });

  it('does what lint advises for an overdue identified incident: still-working keeps "identified"', () => {
    const dir = 'incidents/2026-11-23-api-errors';
    const root = testdir({
      [`${dir}/index.md`]: md({ kind: 'incident', title: 'API errors in Europe', impact: 'major', components: ['api'], regions: ['eu'], started: '2026-11-23T09:00:00Z' }),
      [`${dir}/2026-11-23T0905Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T09:30:00Z' }, "Some customers can't create invoices through the API."),
      [`${dir}/2026-11-23T0925Z.md`]: md({ status: 'identified', next_update: '2026-11-23T10:00:00Z' }, 'We found the cause.'),
    });
    const advice = candor(['lint', '--root', root, '--now', '2026-11-23T10:20:00Z']);
    expect(advice.stdout).toContain('stale-update');
    expect(advice.stdout).toContain('still-working');
    const r = candor(['update', 'api-errors', '--yes', '--root', root, '--template', 'still-working', '--set', 'what=create invoices', '--at', '2026-11-23T10:20:00Z']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(root, dir, '2026-11-23T1020Z.md'), 'utf8')).toMatch(/^---\nstatus: identified\n/);
    // An explicit --status still may move back (a fix that did not hold).
    const back = candor(['update', 'api-errors', '--yes', '--root', root, '--template', 'still-working', '--status', 'investigating', '--set', 'what=create invoices', '--at', '2026-11-23T10:25:00Z']);
    expect(back.code, back.stderr).toBe(0);
    expect(readFileSync(join(root, dir, '2026-11-23T1025Z.md'), 'utf8')).toMatch(/^---\nstatus: investigating\n/);
  });
});
