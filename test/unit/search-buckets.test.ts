// How incident pages are split into search bundles (scripts/lib/search/buckets.ts): each language has its own;
// each third of the build's month and the month before have a bundle each, earlier months go to their year, and
// every bundle's glob matches its pages only.
import { matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recentMonths, searchBuckets } from '../../scripts/lib/search/buckets.ts';

const files = [
  'index.html',
  'history/2026-11/index.html',
  'incidents/2026-11-23-api/index.html',
  'fr/incidents/2026-11-23-api/index.html',
  'incidents/2026-11-23-api/postmortem/index.html',
  'incidents/2026-11-20-cdn/index.html',
  'sv/incidents/2026-11-10-queue/index.html',
  'incidents/2026-11-01-sso/index.html',
  'incidents/2026-10-02-db/index.html',
  'incidents/2026-03-09-mail/index.html',
  'zh-CN/incidents/2026-01-31-login/index.html',
  'incidents/2024-12-31-dns/index.html',
];

// Whether `file` matches a bundle's glob (a folder, then `{day,…}` alternatives, as Pagefind reads it): each alternative alone.
const globMatches = (glob: string, file: string) => {
  const [, before, alternatives, after] = /^([^{]*)(?:\{(.*)\})?(.*)$/.exec(glob)!;
  return (alternatives?.split(',') ?? ['']).some((a) => matchesGlob(file, `${before}${a}${after}`));
};

describe('search bundles', () => {
  it('names this month and the one before, across a new year', () => {
    expect(recentMonths(new Date('2026-11-23T12:00:00Z'))).toEqual(['2026-11', '2026-10']);
    expect(recentMonths(new Date('2027-01-01T00:00:00Z'))).toEqual(['2027-01', '2026-12']);
  });

  it('puts each third of this month and the month before in bundles of their own, earlier ones in their year, newest first', () => {
    const buckets = searchBuckets(files, new Date('2026-11-23T12:00:00Z'));
    expect(buckets.map((b) => [b.name, b.files])).toEqual([
      ['2026-11-21', ['incidents/2026-11-23-api/index.html']],
      ['2026-11-11', ['incidents/2026-11-20-cdn/index.html']],
      ['2026-11-01', ['incidents/2026-11-01-sso/index.html']],
      ['2026-10', ['incidents/2026-10-02-db/index.html']],
      ['2026', ['incidents/2026-03-09-mail/index.html']],
      ['2024', ['incidents/2024-12-31-dns/index.html']],
      ['fr/2026-11-21', ['fr/incidents/2026-11-23-api/index.html']],
      ['sv/2026-11-01', ['sv/incidents/2026-11-10-queue/index.html']],
      ['zh-CN/2026', ['zh-CN/incidents/2026-01-31-login/index.html']],
    ]);
    expect(buckets.map((b) => [b.language, b.period])).toContainEqual(['fr/', '2026-11-21']);
    // Each glob starts with its language's incidents folder, so Pagefind walks that folder only.
    expect(buckets[0]!.glob).toBe('incidents/2026-11-23-*/index.html');
    expect(buckets[7]!.glob).toBe('sv/incidents/2026-11-10-*/index.html');
    expect(buckets[8]!.glob).toBe('zh-CN/incidents/2026-01-*/index.html');
  });

  it('makes one bundle of a month once it has ended', () => {
    const december = searchBuckets(files, new Date('2026-12-01T00:00:00Z'));
    expect(december.map((b) => b.name)).toEqual(['2026-11', '2026', '2024', 'fr/2026-11', 'sv/2026-11', 'zh-CN/2026']);
    expect(december[0]!.files).toHaveLength(3);
    expect(december[0]!.glob).toBe('incidents/2026-11-*/index.html');
    // Several days or months: one folder, its alternatives in braces.
    expect(searchBuckets(files, new Date('2027-01-05T00:00:00Z'))[0]!.glob).toBe('incidents/{2026-03,2026-10,2026-11}-*/index.html');
  });

  it('each glob matches its own pages and no other bundle’s', () => {
    for (const now of ['2026-11-05T00:00:00Z', '2026-11-15T00:00:00Z', '2026-11-30T23:59:00Z', '2026-12-15T00:00:00Z', '2027-02-01T00:00:00Z']) {
      const buckets = searchBuckets(files, new Date(now));
      const pages = files.filter((f) => /incidents\/[^/]+\/index\.html$/.test(f));
      for (const b of buckets) {
        const matches = pages.filter((f) => globMatches(b.glob, f));
        expect(matches.sort(), `${now} ${b.name}`).toEqual(b.files);
      }
      expect(buckets.flatMap((b) => b.files).sort(), now).toEqual(pages.sort());
    }
  });

  it('moves a month into its year once it is no longer recent', () => {
    const january = searchBuckets(files, new Date('2027-01-05T00:00:00Z'));
    expect(january.map((b) => b.name)).toEqual(['2026', '2024', 'fr/2026', 'sv/2026', 'zh-CN/2026']);
    expect(january[0]!.files).toContain('incidents/2026-10-02-db/index.html');
    expect(january[0]!.files).toContain('incidents/2026-11-23-api/index.html');
  });

  it('indexes nothing when there are no incident pages', () => {
    expect(searchBuckets(['index.html', 'history/index.html'], new Date('2026-11-23T12:00:00Z'))).toEqual([]);
  });
});
