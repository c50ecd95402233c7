// The stock on-call path, built: an incident moved to "monitoring" with Candor's own template passes
// `build --strict`, and the page, the API and the home page's history all say the same thing about it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { page, text } from '../helpers/html.ts';
import { MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const CONFIG = MINIMAL_CONFIG.replace('locale: en }', 'locale: en, locales: [en, de] }');
const WORDS = ['--set', 'what=create invoices', '--set', 'consequence=Invoices stay unsent until this is fixed.'];
const AT = '2026-11-23T10:30:00Z';

describe('an incident being monitored', () => {
  it('builds with --strict; banner, components, status.json and the short history agree', () => {
    const root = testdir({}, { config: CONFIG });
    const opened = candor(['new', '--yes', '--root', root, '--template', 'investigating-partial-outage', '--title', 'Some customers cannot create invoices', '--components', 'api', '--regions', 'eu', '--at', '2026-11-23T10:00:00Z', ...WORDS]);
    expect(opened.code, opened.stderr).toBe(0);
    const watched = candor(['update', 'cannot-create-invoices', '--yes', '--root', root, '--template', 'monitoring', '--at', AT, ...WORDS]);
    expect(watched.code, watched.stderr).toBe(0);

    const out = join(root, 'dist');
    const built = candor(['build', '--strict', '--root', root, '--out', out, '--now', AT]);
    expect(built.code, built.stderr).toBe(0);
    const site = join(out, 'main');

    const home = page(site, '');
    expect(text(home.querySelector('.banner h1'))).toBe('Working again, monitoring the fix');
    expect(text(home.querySelector('.banner'))).toContain('1 incident is open');
    expect(text(home.querySelector('#components')?.parentNode)).not.toMatch(/outage|degraded/i);
    // The history lists closed incidents only; under the open one it must not claim there were none.
    expect(text(home.querySelector('#recent')?.parentNode)).toContain('No other incidents in the last 90 days.');
    expect(text(home.querySelector('body'))).not.toContain('No incidents in the last');
    expect(text(page(site, 'de').querySelector('#recent')?.parentNode)).toContain('Keine weiteren Störungen in den letzten 90 Tagen.');
    expect(text(page(site, 'de').querySelector('.banner h1'))).toBe('Funktioniert wieder, wir beobachten die Lösung');

    const summary = JSON.parse(readFileSync(join(site, 'api', 'v2', 'summary.json'), 'utf8'));
    expect(summary.status).toEqual({ indicator: 'none', description: 'All Systems Operational' });
    expect(summary.components.find((c: { name: string }) => c.name === 'API').status).toBe('operational');
    expect(summary.incidents.map((i: { status: string }) => i.status)).toEqual(['monitoring']);
  }, 300_000);
});
