// The maintenance calendar, parsed by ical.js, and the badges and widget that other sites embed.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { BASIC_SITE, EXAMPLE_OUT, MIRRORS_OUT, REPO } from '../helpers/paths.ts';

function events(file: string) {
  const text = readFileSync(file, 'utf8');
  const cal = new ICAL.Component(ICAL.parse(text));
  return { text, cal, events: cal.getAllSubcomponents('vevent') };
}

describe('maintenance.ics', () => {
  it('is RFC 5545 with every required property, in UTC, and no event ends before it starts', () => {
    const { text, cal, events: list } = events(join(EXAMPLE_OUT, 'global', 'maintenance.ics'));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Candor//Status page//EN');
    expect(list).toHaveLength(3);
    for (const e of list) {
      for (const prop of ['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'url', 'status', 'sequence']) expect(e.hasProperty(prop), prop).toBe(true);
      const start = e.getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = e.getFirstPropertyValue('dtend') as ICAL.Time;
      expect(start.zone?.tzid).toBe('UTC');
      expect(end.toJSDate().getTime()).toBeGreaterThan(start.toJSDate().getTime());
      expect(String(e.getFirstPropertyValue('url'))).toMatch(/^https:\/\/status\.ledgerly\.example\/incidents\//);
    }
    expect(text).toMatch(/\r\n/);
  });

  it('raises SEQUENCE when a window is extended, and keeps UIDs stable', () => {
    const { events: list } = events(join(EXAMPLE_OUT, 'global', 'maintenance.ics'));
    const extended = list.find((e) => String(e.getFirstPropertyValue('url')).includes('2026-09-12-sign-in-maintenance'))!;
    expect(extended.getFirstPropertyValue('sequence')).toBe(1);
    const end = (extended.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString();
    const announced = readFileSync(join(REPO, 'incidents', '2026-09-12-sign-in-maintenance', 'index.md'), 'utf8');
    expect(announced).not.toContain(end.replace('.000Z', 'Z'));
    const others = list.filter((e) => e !== extended).map((e) => e.getFirstPropertyValue('sequence'));
    expect(others).toEqual([0, 0]);
    const eu = events(join(EXAMPLE_OUT, 'eu', 'maintenance.ics')).events.map((e) => String(e.getFirstPropertyValue('uid')).split('@')[0]);
    expect(eu).toEqual(list.map((e) => String(e.getFirstPropertyValue('uid')).split('@')[0]));
  });
});

describe('badges', () => {
  it('are SVG images with an accessible, localized title', () => {
    const en = parse(readFileSync(join(BASIC_SITE, 'badge.svg'), 'utf8'));
    const svg = en.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(en.querySelector('title')!.textContent).toBe('status: Partial outage');
    const fr = parse(readFileSync(join(MIRRORS_OUT, 'eu', 'fr', 'badge.svg'), 'utf8'));
    expect(fr.querySelector('title')!.textContent).toMatch(/^état: /);
    const component = parse(readFileSync(join(BASIC_SITE, 'components', 'api', 'badge.svg'), 'utf8'));
    expect(component.querySelector('title')!.textContent).toBe('API: Major outage');
  });

  it('serve shields.io\'s endpoint format', () => {
    expect(JSON.parse(readFileSync(join(BASIC_SITE, 'badge.json'), 'utf8'))).toEqual({ schemaVersion: 1, label: 'status', message: 'Partial outage', color: 'orange', cacheSeconds: 60 });
    expect(JSON.parse(readFileSync(join(BASIC_SITE, 'components', 'billing', 'badge.json'), 'utf8'))).toMatchObject({ label: 'Billing', message: 'Operational', color: 'brightgreen' });
  });

  it('come with a widget of a few KB that reads status.json from its own mirror', () => {
    const js = readFileSync(join(BASIC_SITE, 'widget.js'), 'utf8');
    expect(Buffer.byteLength(js)).toBeLessThan(2048);
    expect(js).toContain('"api":"api/v2/status.json"');
    expect(readFileSync(join(MIRRORS_OUT, 'eu', 'fr', 'widget.js'), 'utf8')).toContain('"api":"../api/v2/status.json"');
    expect(js).not.toMatch(/innerHTML|eval\(/);
  });
});
