// Measured uptime on real built pages: the component page's "Measured by checks" section (numbers, label, every
// day), the uptime badges agreeing with the page for either `uptime.source`, no check address anywhere in the
// output, and a broken measurement file left out without stopping the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { page, text } from '../helpers/html.ts';
import { BASIC_SITE, EXAMPLE_OUT } from '../helpers/paths.ts';
import { MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const json = (dir: string, path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8'));
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

describe('the component page of a measured component', () => {
  const api = page(BASIC_SITE, 'components/api');
  const measured = api.querySelector('section.measured')!;

  it('shows availability, response time and the check\'s label, after and apart from the declared uptime', () => {
    expect(text(measured.querySelector('h2'))).toBe('Measured by checks');
    expect(text(measured)).toContain('What automatic checks saw (API from Paris), counted apart from the incidents declared above.');
    // 36 failed runs in 6,192 over the window; 1 November ran nothing and days before the file are no data.
    expect(text(measured)).toContain('99.41% of check runs succeeded over the last 90 days');
    expect(text(measured)).toContain('Response time: 100 ms median, 250 ms at the 95th percentile');
    const sections = api.querySelectorAll('section').map((s) => s.classNames);
    expect(sections.indexOf('measured')).toBeGreaterThan(sections.indexOf('days'));
  });

  it('draws a bar per day and lists every day in a table, no data as no data', () => {
    const rects = measured.querySelectorAll('svg.mchart rect');
    expect(rects).toHaveLength(90);
    expect(measured.querySelector('svg.mchart')!.getAttribute('aria-label')).toBe('API: share of successful check runs per day, oldest first');
    expect(rects.filter((r) => r.classNames === 'm0')).toHaveLength(90 - 22);
    expect(rects.filter((r) => r.classNames === 'm4')).toHaveLength(1); // 20 November: 87.5 %
    const rows = measured.querySelectorAll('tbody tr').map((r) => text(r));
    expect(rows).toHaveLength(90);
    expect(rows[0]).toBe('November 23, 2026 100.00% 100 ms 250 ms');
    expect(rows).toContain('November 20, 2026 87.50% 120 ms 900 ms');
    expect(rows).toContain('November 1, 2026 no data');
  });

  it('is absent where no check measures the component', () => {
    expect(page(BASIC_SITE, 'components/dashboard').querySelector('section.measured')).toBeNull();
  });
});

describe('uptime badges', () => {
  it('give the declared uptime by default, the number the page shows', () => {
    const declared = text(page(BASIC_SITE, 'components/api').querySelector('section.days p.meta'));
    expect(declared).toBe('99.90% uptime over the last 90 days');
    expect(json(BASIC_SITE, 'components/api/uptime.json')).toEqual({ schemaVersion: 1, label: 'API uptime', message: '99.90%', color: 'brightgreen', cacheSeconds: 60 });
    expect(readFileSync(join(BASIC_SITE, 'components', 'api', 'uptime.svg'), 'utf8')).toContain('99.90%');
  });

  it('give the measured uptime with uptime.source: measured, as each mirror\'s page shows it (the EU mirror its own checks)', () => {
    for (const [mirror, route, label] of [['global', 'components/api', 'API measured uptime'], ['eu', 'components/api', 'API gemessene Verfügbarkeit'], ['eu', 'en/components/api', 'API measured uptime']] as const) {
      const dir = join(EXAMPLE_OUT, mirror);
      const summary = text(page(dir, route).querySelector('section.measured p.meta'));
      const badge = json(dir, `${route}/uptime.json`);
      expect(badge.label).toBe(label);
      // text() folds the no-break space of "99,97 %" as it folds every space.
      expect(summary.startsWith(`${badge.message.replace(/\s/g, ' ')} `), `${mirror} ${route}: "${summary}" vs ${badge.message}`).toBe(true);
    }
    // Europe counts only its own check; the global mirror both (the North American one saw the 9 November outage).
    expect(json(join(EXAMPLE_OUT, 'eu'), 'en/components/api/uptime.json').message).not.toBe(json(join(EXAMPLE_OUT, 'global'), 'components/api/uptime.json').message);
    // A component no check measures falls back to its declared uptime, and says so.
    expect(json(join(EXAMPLE_OUT, 'global'), 'components/web-app/uptime.json').label).toBe('Web app uptime');
  });
});

describe('check addresses', () => {
  it('appear nowhere in the built sites', () => {
    for (const [dir, needles] of [[BASIC_SITE, ['probe-target', 'acme-internal', '8443', 'healthz']], [EXAMPLE_OUT, ['internal.ledgerly', 'healthz']]] as const) {
      const all = files(dir);
      expect(all.length).toBeGreaterThan(40);
      for (const file of all) {
        const body = readFileSync(file, 'latin1');
        for (const n of needles) expect(body.includes(n), `${n} in ${file}`).toBe(false);
      }
    }
  });
});

describe('a broken measurement file', () => {
  it('is left out with its file, field and fix; the rest of the site builds', () => {
    const config = `${MINIMAL_CONFIG}monitoring:\n  checks:\n    - { id: api-check, component: api, label: API check, http: { url: 'https://secret-host.test/' } }\n`;
    const root = testdir({ 'monitoring/api-check.json': '{ "check": "api-check", "days": [{ "date": "2026-11-23", "runs": 10, "failures": 11 }] }' }, { config });
    const out = join(root, 'dist');
    const r = candor(['build', '--root', root, '--out', out, '--now', '2026-11-23T12:00:00Z']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain('monitoring/api-check.json days.0.failures: 11 failures in 10 runs');
    expect(page(join(out, 'main'), 'components/api').querySelector('section.measured')).toBeNull();
    expect(page(join(out, 'main'), 'components/api').querySelector('section.days')).not.toBeNull();
  });
});
