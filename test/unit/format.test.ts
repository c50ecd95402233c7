// Durations read the same way in every language: one abbreviation style per string, joined as the language joins lists.
import { describe, expect, it } from 'vitest';
import { formatter } from '../../site/model/format.ts';
import { UI_LOCALES } from '../../site/i18n/index.ts';

const ms = (d: number, h: number, m: number) => ((d * 24 + h) * 60 + m) * 60_000;

describe('durations', () => {
  it('writes German with one abbreviation style, whatever the number of parts', () => {
    const f = formatter('de', 'Europe/Berlin');
    expect(f.duration(ms(7, 3, 28))).toBe('7 Tg., 3 Std. und 28 Min.');
    expect(f.duration(ms(0, 1, 52))).toBe('1 Std. und 52 Min.');
    expect(f.duration(ms(0, 0, 5))).toBe('5 Min.');
  });

  // The class of problem: a unit written differently in a longer duration than in a shorter one ("3h" beside "1h, 52 Min.").
  it.each(UI_LOCALES)('writes each unit the same way in short and long durations (%s)', (locale) => {
    const f = formatter(locale, 'UTC');
    const long = f.duration(ms(7, 3, 28));
    const short = f.duration(ms(0, 3, 28));
    // The hours-and-minutes part of the long one reads exactly as the short one, give or take the list's joining word.
    const strip = (s: string) => s.replace(/[,\s]|und|et|och|și|и/g, '');
    expect(strip(long).endsWith(strip(short))).toBe(true);
    expect(/\d\s?h\b/.test(long) && /Min\./.test(long)).toBe(false);
  });
});
