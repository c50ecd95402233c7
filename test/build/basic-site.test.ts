// The fixture site (test/fixtures/basic), built for real by the global setup, read as customers get it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { page, text } from '../helpers/html.ts';
import { BASIC_SITE } from '../helpers/paths.ts';

describe('home page', () => {
  const home = page(BASIC_SITE, '');

  it('says there is an outage, never that all is well, while an incident is open', () => {
    expect(text(home.querySelector('.banner h1'))).toBe('Partial outage');
    expect(text(home.querySelector('.banner'))).toContain('1 incident is open');
    // Nowhere a reader sees it; the refresh script keeps the wording for every state in a data attribute.
    expect(text(home.querySelector('body'))).not.toContain('All systems operational');
  });

  it('leads with the active incident: title, scope, latest update and next update time', () => {
    const card = home.querySelector('#active')!.parentNode!.querySelector('article')!;
    expect(text(card.querySelector('h3'))).toBe('API requests failing for some customers in Europe');
    expect(card.querySelector('h3 a')!.getAttribute('href')).toBe('/status/incidents/2026-11-23-api-errors-eu/');
    expect(text(card.querySelector('.scope'))).toBe('Affects: API and Dashboard · Europe');
    expect(text(card)).toContain('We know what is wrong and are fixing it. Workaround: use the US endpoint.');
    const next = card.querySelector('.next time')!;
    expect(next.getAttribute('datetime')).toBe('2026-11-23T12:30:00.000Z');
    // Shown in the mirror's zone (Europe/Paris is UTC+1 in November), and named.
    expect(text(card.querySelector('.next'))).toBe('Next update by 1:30 PM GMT+1');
  });

  it('lists components by group with their state in words and per region', () => {
    const rows = home.querySelectorAll('.comp').map((li) => [text(li.querySelector('.row a')), text(li.querySelector('.row .st'))]);
    expect(rows).toEqual([
      ['Billing', 'Operational'],
      ['API', 'Major outage'],
      ['Dashboard', 'Degraded performance'],
    ]);
    const api = home.querySelectorAll('.comp')[1]!;
    expect(text(api.querySelector('p.meta'))).toBe('Europe: Major outage · United States: Operational');
    // A group with something not operational is open, and says how bad its worst component is.
    expect(text(home.querySelector('details.group summary'))).toBe('Core services Major outage');
    expect(home.querySelector('details.group')!.hasAttribute('open')).toBe(true);
  });

  it('draws 90 days of uptime with a text summary and no data before a component existed', () => {
    const billing = home.querySelectorAll('.comp')[0]!;
    expect(billing.querySelectorAll('.bars i')).toHaveLength(90);
    expect(billing.querySelectorAll('.bars i.u0').length).toBeGreaterThan(0);
    const dashboard = home.querySelectorAll('.comp')[2]!;
    expect(text(dashboard.querySelector('p.up'))).toMatch(/^\d{2}\.\d{2}% uptime over the last 90 days$/);
    // The row is one link to the day-by-day list, which names the day, its state and what caused it.
    expect(dashboard.querySelector('a.bars')!.getAttribute('href')).toBe('/status/components/dashboard/#days');
    const day = page(BASIC_SITE, 'components/dashboard').querySelector('#d-2026-11-10')!;
    expect(text(day)).toMatch(/^November 10, 2026: Major outage · \d+\.\d{2}% Nobody could sign in to the dashboard \(Incident\)$/);
    expect(day.querySelector('a')!.getAttribute('href')).toBe('/status/incidents/2026-11-10-login-outage/');
  });

  it('shows upcoming maintenance and recent history, and links each', () => {
    expect(text(home.querySelector('#upcoming')!.parentNode)).toContain('Dashboard read-only during an upgrade');
    const recent = home.querySelectorAll('#recent ~ ul li a').map((a) => text(a));
    expect(recent).toEqual(['Billing emails <script>alert(1)</script> delayed', 'Nobody could sign in to the dashboard', 'Billing maintenance in the United States']);
  });

  it('uses the mirror URL for canonical links, the base path for every link, and sets the language', () => {
    expect(home.querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(home.querySelector('link[rel=canonical]')!.getAttribute('href')).toBe('https://status.acme.test/status/');
    const hrefs = home.querySelectorAll('a[href^="/"]').map((a) => a.getAttribute('href')!);
    expect(hrefs.length).toBeGreaterThan(10);
    expect(hrefs.filter((h) => !h.startsWith('/status/'))).toEqual([]);
  });

  it('carries a Content-Security-Policy allowing no inline script but the page’s own, and loads nothing from other hosts', () => {
    const csp = home.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The one inline script is the optional page script, allowed by its hash (checked below).
    expect(home.querySelectorAll('script:not([src])').map((e) => e.hasAttribute('data-optional'))).toEqual([true]);
    const external = home.querySelectorAll('[src], link[rel=stylesheet]').map((e) => e.getAttribute('src') ?? e.getAttribute('href')!).filter((u) => /^https?:|^\/\//.test(u));
    expect(external).toEqual([]);
  });
});

describe('incident page', () => {
  const incident = page(BASIC_SITE, 'incidents/2026-11-10-login-outage');

  it('shows the facts, duration, postmortem link and every update newest first', () => {
    expect(text(incident.querySelector('h1'))).toBe('Nobody could sign in to the dashboard');
    const facts = text(incident.querySelector('dl.facts'));
    expect(facts).toContain('Status Resolved');
    expect(facts).toContain('Impact Critical');
    expect(facts).toContain('Duration 2h');
    expect(incident.querySelector('a[href="/status/incidents/2026-11-10-login-outage/postmortem/"]')).not.toBeNull();
    const updates = incident.querySelectorAll('ol.updates > li');
    expect(updates.map((u) => text(u.querySelector('h3')).split(' · ')[0])).toEqual(['Resolved', 'Investigating']);
    expect(updates[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-10T10:00:00.000Z');
    expect(text(updates[0])).toContain('No data was lost.');
  });

  it('renders hostile Markdown and titles inert', () => {
    const hostile = page(BASIC_SITE, 'incidents/2026-11-20-hostile-markdown');
    const html = hostile.toString();
    expect(text(hostile.querySelector('h1'))).toBe('Billing emails <script>alert(1)</script> delayed');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script>|onerror=|javascript:/);
    expect(html).not.toContain('__pwned = true</script>');
  });

  it('publishes the postmortem', () => {
    const pm = page(BASIC_SITE, 'incidents/2026-11-10-login-outage/postmortem');
    expect(text(pm.querySelector('h1'))).toBe('Postmortem: Nobody could sign in to the dashboard');
    expect(text(pm.querySelector('main'))).toContain('We now renew certificates automatically.');
    expect(text(page(BASIC_SITE, 'postmortems').querySelector('main ul'))).toContain('Nobody could sign in to the dashboard');
  });
});

describe('other pages', () => {
  it('paginates history by month with links between months', () => {
    const nov = page(BASIC_SITE, 'history/2026-11');
    expect(text(nov.querySelector('#month'))).toBe('November 2026');
    expect(nov.querySelectorAll('main ul.list li')).toHaveLength(4);
    expect(nov.querySelector('a[rel=next]')!.getAttribute('href')).toBe('/status/history/2026-10/');
    const oct = page(BASIC_SITE, 'history/2026-10');
    expect(oct.querySelector('a[rel=prev]')!.getAttribute('href')).toBe('/status/history/2026-11/');
    expect(text(page(BASIC_SITE, 'history').querySelector('#month'))).toBe('November 2026');
  });

  it('gives each component a page with its state, regions, uptime and incidents', () => {
    const api = page(BASIC_SITE, 'components/api');
    expect(text(api.querySelector('h1'))).toBe('API');
    expect(text(api.querySelector('dl.facts'))).toBe('Current state Major outage Group Core services Europe Major outage United States Operational');
    expect(api.querySelectorAll('#incidents + ul.list li a').map((a) => text(a))).toEqual(['API requests failing for some customers in Europe']);
  });

  it('lists upcoming and past maintenance', () => {
    const m = text(page(BASIC_SITE, 'maintenance').querySelector('main'));
    expect(m).toMatch(/Upcoming maintenance Dashboard read-only during an upgrade/);
    expect(m).toMatch(/Past maintenance Billing maintenance in the United States/);
  });

  it('ships a 404 page and the optional page script, inline, under 2 KB compressed and allowed by its hash alone', () => {
    expect(text(page(BASIC_SITE, '404.html').querySelector('h1'))).toBe('Page not found');
    const home = page(BASIC_SITE, '');
    const script = home.querySelector('script[data-optional]')!.rawText;
    expect(gzipSync(script).byteLength).toBeLessThan(2048);
    const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
    const scriptSrc = (policy: string) => policy.split(';').find((d) => d.trim().startsWith('script-src'))!.trim();
    expect(scriptSrc(home.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!)).toBe(`script-src 'self' ${hash} 'wasm-unsafe-eval'`);
    // Hosts that read _headers send the same policy as a header; it must allow the same script.
    expect(scriptSrc(readFileSync(join(BASIC_SITE, '_headers'), 'utf8').match(/Content-Security-Policy: (.*)/)![1]!)).toBe(`script-src 'self' ${hash} 'wasm-unsafe-eval'`);
  });
});
