// How incident pages are split into search bundles (scripts/lib/search/buckets.ts): the month of the build and the
// month before have a bundle each, earlier months go to their year, and every bundle's glob matches its pages only.
import { describe, expect, it } from 'vitest';
import { recentMonths, searchBuckets } from '../../scripts/lib/search/buckets.ts';

const files = [
  'index.html',
  'history/2026-11/index.html',
  'incidents/2026-11-23-api/index.html',
  'fr/incidents/2026-11-23-api/index.html',
  'incidents/2026-11-23-api/postmortem/index.html',
  'incidents/2026-10-02-db/index.html',
  'incidents/2026-03-09-mail/index.html',
  'zh-CN/incidents/2026-01-31-login/index.html',
  'incidents/2024-12-31-dns/index.html',
];

describe('search bundles', () => {
  it('names this month and the one before, across a new year', () => {
    expect(recentMonths(new Date('2026-11-23T12:00:00Z'))).toEqual(['2026-11', '2026-10']);
    expect(recentMonths(new Date('2027-01-01T00:00:00Z'))).toEqual(['2027-01', '2026-12']);
  });

  it('puts recent months in bundles of their own and earlier ones in their year, newest first', () => {
    const buckets = searchBuckets(files, new Date('2026-11-23T12:00:00Z'));
    expect(buckets.map((b) => [b.name, b.files])).toEqual([
      ['2026-11', ['fr/incidents/2026-11-23-api/index.html', 'incidents/2026-11-23-api/index.html']],
      ['2026-10', ['incidents/2026-10-02-db/index.html']],
      ['2026', ['incidents/2026-03-09-mail/index.html', 'zh-CN/incidents/2026-01-31-login/index.html']],
      ['2024', ['incidents/2024-12-31-dns/index.html']],
    ]);
    expect(buckets[2]!.glob).toBe('{incidents/2026-01-*,incidents/2026-03-*,zh-CN/incidents/2026-01-*,zh-CN/incidents/2026-03-*}/index.html');
  });

  it('moves a month into its year once it is no longer recent', () => {
    const december = searchBuckets(files, new Date('2026-12-05T00:00:00Z'));
    expect(december.map((b) => b.name)).toEqual(['2026-11', '2026', '2024']);
    expect(december[1]!.files).toContain('incidents/2026-10-02-db/index.html');
  });

  it('indexes nothing when there are no incident pages', () => {
    expect(searchBuckets(['index.html', 'history/index.html'], new Date('2026-11-23T12:00:00Z'))).toEqual([]);
  });
});
