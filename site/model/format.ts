// Dates, durations and numbers for people, with Intl, in a locale and a time zone.
import type { LocalizedText } from './schema/common.ts';

export interface Formatter {
  locale: string;
  timeZone: string;
  /** "22 Nov 2026, 10:14 CET" */
  dateTime(d: Date): string;
  /** "10:14 CET", or with the date when it is not the same day as `reference`. */
  time(d: Date, reference?: Date): string;
  /** "22 November 2026" */
  day(d: Date): string;
  /** "November 2026" */
  month(d: Date): string;
  /** "2 h 14 min" */
  duration(ms: number): string;
  /** "99.95%" */
  percent(value: number): string;
  /** The zone's short name, e.g. "CET" or "GMT+11". */
  zoneName(d: Date): string;
}

const cache = new Map<string, Formatter>();

export function formatter(locale: string, timeZone: string): Formatter {
  const key = `${locale}|${timeZone}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = makeFormatter(locale, timeZone)));
  return f;
}

function makeFormatter(locale: string, timeZone: string): Formatter {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const duration = new Intl.DurationFormat(locale, { style: 'narrow' });
  const zoneName = (d: Date) => zone.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return {
    locale,
    timeZone,
    dateTime: (d) => `${dateTime.format(d)} ${zoneName(d)}`,
    time: (d, reference) =>
      reference && dayKey.format(d) !== dayKey.format(reference) ? `${dateTime.format(d)} ${zoneName(d)}` : `${time.format(d)} ${zoneName(d)}`,
    day: (d) => day.format(d),
    month: (d) => month.format(d),
    duration: (ms) => {
      const minutes = Math.max(1, Math.round(ms / 60_000));
      const days = Math.floor(minutes / 1440);
      const hours = Math.floor((minutes % 1440) / 60);
      return duration.format({ days: days || undefined, hours: hours || undefined, minutes: minutes % 60 || undefined });
    },
    // Never round a bad day up to 100%: 99.999% shows as 99.99%.
    percent: (v) => percent.format(Math.floor(v * 10_000) / 10_000),
    zoneName,
  };
}

/** Picks the text for `locale` from a config string or per-language map, falling back to the content's language. */
export function localize(text: LocalizedText, locale: string, fallback: string): string {
  if (typeof text === 'string') return text;
  return text[locale] ?? text[locale.split('-')[0]!] ?? text[fallback] ?? Object.values(text)[0]!;
}
