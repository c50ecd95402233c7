// Every output format of the hostile fixture, whose newer incidents carry CDATA terminators ("]]>" twice), closed
// bidirectional overrides, quotes nested twenty deep and a calendar-injection attempt: each file stays valid for
// the strictest parser at hand and says exactly what the author wrote. (Control characters and deeper nesting
// never get this far: test/cli/hostile-input.test.ts shows they are refused.)
import ICAL from 'ical.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedparser, xmllint } from '../helpers/external.ts';
import { FIXTURES, HOSTILE_SITE } from '../helpers/paths.ts';

const files = readdirSync(HOSTILE_SITE, { recursive: true, encoding: 'utf8' });
const source = (path: string) => readFileSync(join(FIXTURES, 'hostile', 'incidents', path), 'utf8');
const titleOf = (path: string) => JSON.parse(/^title: (".*")$/m.exec(source(path))![1]!) as string;
const TERMINATORS = titleOf('2026-11-22-terminators/index.md');
const WINDOW = titleOf('2026-11-24-window/index.md');
const decode = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&');

describe('hostile content in every output format', () => {
  it('the fixture really holds what the suite claims', () => {
    expect(TERMINATORS.match(/]]>/g)).toHaveLength(2);
    expect(TERMINATORS).toContain('\u202e');
    expect(source('2026-11-22-terminators/2026-11-22T0900Z.md')).toContain(`${'> '.repeat(20)}level 20`);
  });

  const xml = files.filter((f) => /\.(xml|svg)$/.test(f));
  it(`all ${xml.length} feeds and badges are well-formed XML`, async () => {
    expect(xml.length).toBeGreaterThanOrEqual(14);
    for (const f of xml) expect(await xmllint(join(HOSTILE_SITE, f)), f).toBe('');
  });

  for (const feed of ['rss.xml', 'atom.xml', 'fr/rss.xml', 'fr/atom.xml', 'components/web/atom.xml', 'components/api/rss.xml']) {
    it(`${feed} parses cleanly and carries the titles and terminators as written`, () => {
      const parsed = feedparser(join(HOSTILE_SITE, feed));
      expect(parsed.bozo, parsed.bozo_exception).toBe(false);
      const titles = parsed.entries.map((e) => decode(e.title));
      expect(titles).toContain(feed.includes('api') ? WINDOW : TERMINATORS);
      const entry = parsed.entries.find((e) => e.link.includes(feed.includes('api') ? '2026-11-24-window' : '2026-11-22-terminators'))!;
      expect(decode(entry.content).match(/]]>/g)!.length).toBeGreaterThanOrEqual(2);
      expect(entry.content).not.toMatch(/<(script|img|iframe|svg)\b/i);
    });
  }

  it('maintenance.ics parses strictly, with one event whose summary is the title and no injected one', () => {
    for (const path of ['maintenance.ics', 'fr/maintenance.ics']) {
      const cal = new ICAL.Component(ICAL.parse(readFileSync(join(HOSTILE_SITE, path), 'utf8')));
      const events = cal.getAllSubcomponents('vevent');
      expect(events, path).toHaveLength(1);
      expect(events[0]!.getFirstPropertyValue('summary')).toBe(WINDOW);
    }
  });

  it('every /api/v2 document is JSON, and every update body is text with no markup left to run', () => {
    const docs = files.filter((f) => f.startsWith('api/') && f.endsWith('.json'));
    expect(docs.length).toBeGreaterThanOrEqual(8);
    const bodies: string[] = [];
    for (const f of docs) {
      const doc = JSON.parse(readFileSync(join(HOSTILE_SITE, f), 'utf8')) as Record<string, unknown>;
      for (const list of [doc.incidents, doc.scheduled_maintenances]) for (const i of (list ?? []) as { incident_updates: { body: string }[] }[]) bodies.push(...i.incident_updates.map((u) => u.body));
    }
    expect(bodies.length).toBeGreaterThan(0);
    for (const b of bodies) expect(b, b).not.toMatch(/[<>]/);
    const all = bodies.join('\n');
    expect(all).toContain('A body that ends CDATA twice: ]]&gt; and ]]&gt;');
    expect(all).toContain('&lt;script&gt;window.__pwned=\'entities\'&lt;/script&gt; stays text.');
    expect(all).toContain('level 19\nlevel 20');
    expect(all).not.toContain('**');
  });

  it('badges (SVG and shields JSON) and the widget stay well-formed', () => {
    for (const f of files.filter((p) => p.endsWith('badge.json'))) expect(() => JSON.parse(readFileSync(join(HOSTILE_SITE, f), 'utf8')), f).not.toThrow();
    for (const f of files.filter((p) => p.endsWith('widget.js'))) {
      const js = readFileSync(join(HOSTILE_SITE, f), 'utf8');
      expect(() => new Function(js), f).not.toThrow();
      expect(js).not.toMatch(/<\/script/i);
    }
  });

  it('the incident page shows the title with its overrides closed, and every nested quote', () => {
    const html = readFileSync(join(HOSTILE_SITE, 'incidents', '2026-11-22-terminators', 'index.html'), 'utf8');
    expect(html).toContain('Feeds end at ]]&gt; once, ]]&gt; twice \u202edetaerc sisylana toor\u202c</h1>');
    expect(html.match(/<blockquote>/g)!.length).toBeGreaterThanOrEqual(20);
  });
});
