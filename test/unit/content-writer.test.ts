// Everything the one writer writes loads back through loadSite as it was meant, over many generated inputs with
// hostile text (quotes, colons, "---", YAML keywords, unicode, CRLF); text no output can carry is refused with
// the file, the field and a fix, before any file exists.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../site/model/load/index.ts';
import type { Incident } from '../../site/model/site.ts';
import { contentFile, UnwritableText } from '../../site/model/write/content-file.ts';
import { claim, incidentFolderBase, slugify } from '../../site/model/write/slug.ts';
import { timestamp } from '../../site/model/write/timestamp.ts';
import { updateNames } from '../../site/model/write/update-names.ts';
import { random, type Random } from '../../bench/generate/random.ts';
import { testdir } from '../helpers/testdir.ts';

const FRAGMENTS = [
  'API', 'errors', 'Card payments', ': ', ' - ', '---', '"', "'", '#', '# not a comment', '[a, b]', '{ x: 1 }', '&anchor', '*alias',
  '!tag', '%', '@here', '`code`', '|', '>', 'true', 'null', '~', 'yes', '0x1F', '123', '1e3', '2026-11-23', '10:30', 'Élevé', 'Störung',
  '支付失败', 'ошибка', '🚀', 'مرحبا', '\u202ehidden\u202c', '\t', '  ', '\\', '\\n', 'a,b', '?', '< & >', '<script>',
] as const;
const BODY_LINES = ['We are looking into it.', '---', '---\ntitle: not frontmatter\n---', '> quoted: "yes"', '- item: one', '```\ncode: x\n```', '', '# Heading', 'line with CRLF\r', '  indented'];
/** Characters the loader refuses anywhere (text-safety.ts). */
const FORBIDDEN = ['\u0000', '\u0007', '\u001b', '\u000b', '\u000c', '\u007f', '\u0085', '\uFFFF', '\ud800'];

function text(r: Random, parts: number): string {
  return Array.from({ length: parts }, () => r.pick(FRAGMENTS)).join(r.pick(['', ' ']));
}

const COMPONENTS = ['api', 'web'];
const REGIONS = ['eu', 'us'];

interface Case {
  kind: 'incident' | 'maintenance';
  title: string;
  components: string[];
  regions: string[];
  started: Date;
  window: { start: Date; end: Date };
  provider?: string;
  what?: string;
  at: Date;
  next: Date;
  social?: string;
  body: string;
  summary: string;
}

function generate(seed: number): Case {
  const r = random(seed);
  const base = Date.UTC(2026, r.int(0, 11), r.int(1, 28), r.int(0, 23), r.int(0, 59), r.int(0, 59), r.chance(1 / 3) ? r.int(0, 999) : 0);
  const at = new Date(base + r.int(0, 89) * 60_000);
  return {
    kind: r.pick(['incident', 'maintenance'] as const),
    // A letter first, so the title is never empty once trimmed.
    title: `x${text(r, r.int(1, 5))}`.slice(0, 200),
    components: ((picked) => (picked.length ? picked : ['web']))(COMPONENTS.filter(() => r.next() < 0.6)),
    regions: REGIONS.filter(() => r.next() < 0.4),
    started: new Date(base),
    window: { start: new Date(base), end: new Date(base + r.int(1, 5) * 3_600_000) },
    provider: r.next() < 0.3 ? `p${text(r, 2)}`.slice(0, 100) : undefined,
    what: r.next() < 0.3 ? `w${text(r, 3)}`.slice(0, 200) : undefined,
    at,
    next: new Date(at.getTime() + r.int(15, 134) * 60_000),
    social: r.next() < 0.3 ? `s${text(r, 3)}${r.next() < 0.5 ? '\nsecond line' : ''}` : undefined,
    body: Array.from({ length: r.int(1, 4) }, () => (r.next() < 0.5 ? r.pick(BODY_LINES) : text(r, r.int(1, 6)))).join(r.pick(['\n', '\r\n', '\n\n'])),
    summary: r.next() < 0.5 ? text(r, 3) : '',
  };
}

function filesOf(c: Case, folder: string): Record<string, string> {
  const dir = `incidents/${folder}`;
  const [name] = updateNames([c.at]);
  const incident = c.kind === 'incident';
  return {
    [`${dir}/index.md`]: contentFile(
      `${dir}/index.md`,
      incident
        ? { title: c.title, kind: 'incident', impact: 'major', components: c.components, regions: c.regions, started: c.started, provider: c.provider, what: c.what }
        : { title: c.title, kind: 'maintenance', components: c.components, regions: c.regions, scheduled: c.window, provider: c.provider, what: c.what },
      c.summary,
    ),
    [`${dir}/${name!.stem}.md`]: contentFile(
      `${dir}/${name!.stem}.md`,
      { status: incident ? 'investigating' : 'scheduled', next_update: incident ? c.next : undefined, at: c.at.getTime() === name!.at.getTime() ? undefined : c.at, social: c.social },
      c.body,
    ),
  };
}

const normal = (body: string) => body.replace(/\r\n?/g, '\n').trim();

function writeAll(root: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

describe('the content writer round-trips through loadSite', () => {
  it('loads back every field of 150 generated incidents and maintenance windows as written', async () => {
    const root = testdir({});
    const taken = new Set<string>();
    const cases = Array.from({ length: 150 }, (_, seed) => {
      const c = generate(seed);
      const folder = claim(incidentFolderBase(timestamp(c.kind === 'incident' ? c.started : c.window.start).slice(0, 10), c.title, c.kind), taken);
      writeAll(root, filesOf(c, folder));
      return { seed, c, folder };
    });
    const loaded = await loadSite(root, { now: new Date('2030-01-01T00:00:00Z') });
    if (!loaded.ok) throw new Error(loaded.errors.slice(0, 5).map((e) => `${e.file}: ${e.field ?? ''} ${e.message}`).join('\n'));
    const byId = new Map<string, Incident>(loaded.value.incidents.map((i) => [i.id, i]));
    for (const { seed, c, folder } of cases) {
      const i = byId.get(folder)!;
      const said = `seed ${seed}`;
      expect(i, said).toBeDefined();
      expect({ title: i.title, kind: i.kind, components: i.components, regions: i.regions, provider: i.provider, what: i.what, summary: normal(i.summary) }, said).toEqual({
        title: c.title.trim(), kind: c.kind, components: c.components, regions: c.regions, provider: c.provider?.trim(), what: c.what?.trim(), summary: normal(c.summary),
      });
      if (c.kind === 'incident') expect(i.started.getTime(), said).toBe(c.started.getTime());
      else expect([i.scheduled!.start.getTime(), i.scheduled!.end.getTime()], said).toEqual([c.window.start.getTime(), c.window.end.getTime()]);
      const [u] = i.updates;
      expect({ at: u!.at.getTime(), next: u!.nextUpdate?.getTime(), social: u!.social, body: normal(u!.body) }, said).toEqual({
        at: c.at.getTime(), next: c.kind === 'incident' ? c.next.getTime() : undefined, social: c.social?.trim(), body: normal(c.body),
      });
    }
  });

  it('refuses every character no output can carry, in any field or the text, naming the file and field', () => {
    for (let seed = 0; seed < 60; seed++) {
      const r = random(1000 + seed);
      const c = generate(1000 + seed);
      const bad = r.pick(FORBIDDEN);
      const where = r.pick(['title', 'what', 'social', 'body'] as const);
      const spoil = (s: string) => `${s.slice(0, 3)}${bad}${s.slice(3)}`;
      const spoiled: Case = { ...c, what: c.what ?? 'w', social: c.social ?? 's', [where]: spoil(where === 'body' ? c.body : (c[where] ?? 'x')) };
      const attempt = () => filesOf(spoiled, '2026-01-01-x');
      expect(attempt, `seed ${seed}`).toThrow(UnwritableText);
      try {
        attempt();
      } catch (e) {
        const err = e as UnwritableText;
        expect(err.path, `seed ${seed}`).toMatch(where === 'title' || where === 'what' ? /index\.md$/ : /Z\.md$/);
        expect(err.field, `seed ${seed}`).toBe(where === 'body' ? err.field : where);
        expect(err.message).toMatch(/contains the control character U\+[0-9A-F]{4}|never closes it/);
        expect(err.fix).not.toBe('');
      }
    }
  });

  it('writes the same frontmatter style whatever order the fields are given in', () => {
    const a = contentFile('incidents/x/2026-11-23T0930Z.md', { social: 'Hi', components: { api: 'major_outage' }, next_update: new Date('2026-11-23T10:00:00Z'), status: 'investigating' });
    const b = contentFile('incidents/x/2026-11-23T0930Z.md', { status: 'investigating', next_update: new Date('2026-11-23T10:00:00Z'), components: { api: 'major_outage' }, social: 'Hi' });
    expect(a).toBe(b);
    expect(a).toBe('---\nstatus: investigating\nnext_update: 2026-11-23T10:00:00Z\ncomponents:\n  api: major_outage\nsocial: Hi\n---\n');
  });
});

describe('names', () => {
  it('slugs a title to lowercase ASCII words cut at a word boundary', () => {
    expect(slugify('Élevated API errors — EU & US: half of all requests fail, retry later please')).toBe('elevated-api-errors-eu-and-us-half-of-all-requests');
    expect(incidentFolderBase('2026-11-23', '支付失败', 'maintenance')).toBe('2026-11-23-maintenance');
  });

  it('names updates by the minute, and by the second where the minute is taken', () => {
    const d = (s: string) => new Date(s);
    expect(updateNames([d('2026-11-23T09:30:20Z')]).map((n) => n.stem)).toEqual(['2026-11-23T0930Z']);
    expect(updateNames([d('2026-11-23T09:30:20Z')], ['2026-11-23T0930Z']).map((n) => n.stem)).toEqual(['2026-11-23T093020Z']);
    expect(updateNames([d('2026-11-23T09:30:00Z')], ['2026-11-23T0930Z']).map((n) => n.stem)).toEqual(['2026-11-23T093001Z']);
    expect(updateNames([d('2026-11-23T09:30:05.5Z'), d('2026-11-23T09:30:40Z')]).map((n) => [n.stem, timestamp(n.at)])).toEqual([
      ['2026-11-23T093005Z', '2026-11-23T09:30:05Z'],
      ['2026-11-23T093040Z', '2026-11-23T09:30:40Z'],
    ]);
  });
});
