// Times keep the offset they were written with; names become ids; cState's zone-less dates get a zone.
import { describe, expect, it } from 'vitest';
import { claim, slugify } from '../../site/model/write/slug.ts';
import { formatAtOffset, later, looseStamp, offsetOf, readableStamp, zonedStamp } from '../../scripts/import/stamp.ts';

describe('stamps', () => {
  it('keep the source offset, and move in it', () => {
    const s = zonedStamp('2022-01-20T14:27:26.370+02:00')!;
    expect(s.date.toISOString()).toBe('2022-01-20T12:27:26.370Z');
    expect(offsetOf(s)).toBe(120);
    expect(later(s, 3_600_000).text).toBe('2022-01-20T15:27:26.370+02:00');
    expect(formatAtOffset(new Date('2022-07-08T16:18:00Z'), -420)).toBe('2022-07-08T09:18:00-07:00');
    expect(readableStamp(zonedStamp('2022-07-08T12:30:00.000-07:00')!)).toBe('2022-07-08 12:30 UTC-07:00');
    expect(zonedStamp('2022-01-20T14:27:26')).toBeUndefined();
  });

  it('read cState dates in the given zone when they have none, across daylight saving time', () => {
    const utc = looseStamp('2018-05-25 04:13:00', 'UTC');
    expect(utc).toEqual({ ok: true, zoneless: true, stamp: { date: new Date('2018-05-25T04:13:00Z'), text: '2018-05-25T04:13:00Z' } });
    const summer = looseStamp('2018-05-25 04:13', 'America/New_York');
    expect(summer.ok && summer.stamp.text).toBe('2018-05-25T04:13:00-04:00');
    const winter = looseStamp('2018-01-25 04:13:00', 'America/New_York');
    expect(winter.ok && winter.stamp.date.toISOString()).toBe('2018-01-25T09:13:00.000Z');
    const after = looseStamp('2018-03-25 03:30:00', 'Europe/Berlin');
    expect(after.ok && after.stamp.text).toBe('2018-03-25T03:30:00+02:00');
    // 02:30 never happened in Berlin that night (clocks went from 02:00 to 03:00): read with the offset before the change.
    const gap = looseStamp('2018-03-25 02:30:00', 'Europe/Berlin');
    expect(gap.ok && gap.stamp.text).toBe('2018-03-25T02:30:00+01:00');
  });

  it('keep a zone cState dates do state, in any of Hugo\'s spellings', () => {
    for (const text of ['2018-02-08T09:04:00-06:00', '2018-02-08 09:04:00 -0600', '2018-02-08T15:04:00Z', '2018-02-08T15:04:00.000Z']) {
      const r = looseStamp(text, 'Asia/Tokyo');
      expect(r.ok && !r.zoneless && r.stamp.date.toISOString(), text).toBe('2018-02-08T15:04:00.000Z');
    }
    expect(looseStamp('2018-02-08', 'UTC').ok).toBe(true);
    expect(looseStamp('February 8, 2018', 'UTC')).toEqual({ ok: false, problem: '"February 8, 2018" is not a date like 2018-05-25 04:13:00' });
    expect(looseStamp('2018-02-30 10:00', 'UTC').ok).toBe(false);
  });
});

describe('slugs', () => {
  it('are lowercase ASCII words joined by dashes, cut at a word to 50 characters', () => {
    expect(slugify('Élevated API errors — EU!')).toBe('elevated-api-errors-eu');
    expect(slugify('Payments & invoices')).toBe('payments-and-invoices');
    const long = slugify('Card payments failing for some customers in the United States and Canada');
    expect(long).toBe('card-payments-failing-for-some-customers-in-the');
    expect(long.length).toBeLessThanOrEqual(50);
    expect(slugify('支付失败')).toBe('');
  });

  it('get a suffix when taken', () => {
    const taken = new Set(['api']);
    expect(claim('api', taken)).toBe('api-2');
    expect(claim('api', taken)).toBe('api-3');
    expect(claim('web', taken)).toBe('web');
  });
});
