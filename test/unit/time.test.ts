import { describe, expect, it } from 'vitest';
import { parseUpdateFileName, parseZonedTimestamp, updateFileStem } from '../../site/model/time.ts';

describe('parseZonedTimestamp', () => {
  it('accepts UTC and offsets, keeping the instant', () => {
    const utc = parseZonedTimestamp('2026-11-22T10:14:00Z');
    const paris = parseZonedTimestamp('2026-11-22T11:14:00+01:00');
    expect(utc.ok && utc.date.toISOString()).toBe('2026-11-22T10:14:00.000Z');
    expect(paris.ok && paris.date.toISOString()).toBe('2026-11-22T10:14:00.000Z');
    expect(parseZonedTimestamp('2026-11-22T10:14Z').ok).toBe(true);
  });

  it('rejects a time without a zone instead of guessing', () => {
    const r = parseZonedTimestamp('2026-11-22T10:14:00');
    expect(r).toEqual({ ok: false, problem: expect.stringContaining('has no time zone') });
  });

  it('rejects impossible dates and times', () => {
    for (const text of ['2026-02-30T10:00:00Z', '2026-13-01T10:00:00Z', '2026-11-22T24:00:00Z', '2026-11-22T10:61:00Z']) {
      expect(parseZonedTimestamp(text), text).toEqual({ ok: false, problem: expect.stringContaining('not a real date') });
    }
    expect(parseZonedTimestamp('yesterday')).toEqual({ ok: false, problem: '"yesterday" is not a timestamp' });
  });
});

describe('update file names', () => {
  it('reads the UTC minute and an optional locale', () => {
    expect(parseUpdateFileName('2026-11-22T1014Z.md')).toEqual({ stem: '2026-11-22T1014Z', date: new Date('2026-11-22T10:14:00Z'), locale: undefined });
    expect(parseUpdateFileName('2026-11-22T101430Z.fr.md')?.locale).toBe('fr');
    expect(parseUpdateFileName('2026-11-22T1014Z.zh-CN.md')?.locale).toBe('zh-CN');
  });

  it('refuses other names', () => {
    for (const name of ['2026-11-22T1014.md', '2026-11-22 1014Z.md', 'update.md', '2026-02-30T1014Z.md', '2026-11-22T1014Z.txt']) {
      expect(parseUpdateFileName(name), name).toBeUndefined();
    }
  });

  it('round-trips the stem the CLI writes', () => {
    const stem = updateFileStem(new Date('2026-11-22T10:14:59Z'));
    expect(stem).toBe('2026-11-22T1014Z');
    expect(parseUpdateFileName(`${stem}.md`)?.date.toISOString()).toBe('2026-11-22T10:14:00.000Z');
  });
});
