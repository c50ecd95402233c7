// Dates, durations and numbers for people, with Intl, in a locale and a time zone.
import type { LocalizedText } from './schema/common.ts';
import { closestLocale } from './language.ts';

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
  /** A response time, e.g. "120 ms". */
  ms(value: number): string;
  /** The zone's short name, e.g. "CET" or "GMT+11". */
  zoneName(d: Date): string;
  /** Names as a list: "Web app and API", "Web-App und API", "网页版和API" (see `nameList`). */
  names(names: readonly string[]): string;
}

const cache = new Map<string, Formatter>();

export function formatter(locale: string, timeZone: string): Formatter {
  const key = `${locale}|${timeZone}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = makeFormatter(locale, timeZone)));
  return f;
}

/**
 * Formats each distinct input once. A build formats the same few thousand moments on tens of thousands of pages
 * (every incident's start in its page, its month, its components' pages), and Intl formatting is among the most
 * expensive work left per page; a formatter lives as long as the build, which bounds the memo by the history.
 */
function memo<K, V>(fn: (key: K) => V): (key: K) => V {
  const values = new Map<K, V>();
  return (key) => {
    let v = values.get(key);
    if (v === undefined && !values.has(key)) values.set(key, (v = fn(key)));
    return v as V;
  };
}

function makeFormatter(locale: string, timeZone: string): Formatter {
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const msFormat = new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 });
  const durationParts = durationFormatter(locale);
  const zoneAt = memo((ms: number) => zone.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? timeZone);
  const dateTime = memo((ms: number) => `${dateTimeFormat.format(ms)} ${zoneAt(ms)}`);
  const time = memo((ms: number) => `${timeFormat.format(ms)} ${zoneAt(ms)}`);
  const dayKey = memo((ms: number) => dayKeyFormat.format(ms));
  const day = memo((ms: number) => dayFormat.format(ms));
  const month = memo((ms: number) => monthFormat.format(ms));
  const duration = memo((minutes: number) => {
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    return durationParts({ days: days || undefined, hours: hours || undefined, minutes: minutes % 60 || undefined });
  });
  return {
    locale,
    timeZone,
    dateTime: (d) => dateTime(d.getTime()),
    time: (d, reference) => (reference && dayKey(d.getTime()) !== dayKey(reference.getTime()) ? dateTime(d.getTime()) : time(d.getTime())),
    day: (d) => day(d.getTime()),
    month: (d) => month(d.getTime()),
    duration: (ms) => duration(Math.max(1, Math.round(ms / 60_000))),
    // Never round a bad day up to 100%: 99.999% shows as 99.99%.
    percent: (v) => percentFormat.format(Math.floor(v * 10_000) / 10_000),
    ms: (v) => msFormat.format(v),
    zoneName: (d) => zoneAt(d.getTime()),
    names: (names) => nameList(locale, names),
  };
}

type DurationParts = { days?: number | undefined; hours?: number | undefined; minutes?: number | undefined };

/**
 * Languages whose CLDR narrow duration mixes abbreviation styles: German gives "7 T, 3h und 28 Min." and
 * "1h, 52 Min.". For them each unit is written in one style and the parts joined as an ordinary list.
 */
const UNIT_LIST_LANGUAGES = new Set(['de']);

function durationFormatter(locale: string): (parts: DurationParts) => string {
  if (!UNIT_LIST_LANGUAGES.has(locale.split('-')[0]!)) {
    const narrow = new Intl.DurationFormat(locale, { style: 'narrow' });
    return (parts) => narrow.format(parts);
  }
  const unit = (u: string) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' });
  const units = [['days', unit('day')], ['hours', unit('hour')], ['minutes', unit('minute')]] as const;
  const list = new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' });
  return (parts) => list.format(units.filter(([k]) => parts[k]).map(([k, f]) => f.format(parts[k]!)));
}

interface NameLists {
  and: Intl.ListFormat;
  /** The language's own "and" ("and", "und", "和") inside a name. */
  conjunction: RegExp;
  /** What the language puts between the items of a list ("、" in Chinese, ", " in most others). */
  comma: string;
}
const nameLists = new Map<string, NameLists>();

function nameListsFor(locale: string): NameLists {
  let lists = nameLists.get(locale);
  if (!lists) {
    const and = new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' });
    const literal = (items: string[], at: number) => and.formatToParts(items).filter((p) => p.type === 'literal')[at]?.value ?? ', ';
    const between = literal(['a', 'b'], 0);
    const word = between.trim();
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Where the language spaces its words, "and" counts only as a word of its own ("Brand" holds none); Chinese
    // writes 和 between words without spaces, so there any 和 counts.
    const conjunction = between === word ? new RegExp(escaped, 'u') : new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
    nameLists.set(locale, (lists = { and, conjunction, comma: literal(['a', 'b', 'c'], 0) }));
  }
  return lists;
}

/**
 * Names (components, regions) joined as the language joins a list: "Web app and API", "Card payments, Webhooks
 * and API" (en-AU), "Web-App und API", "网页版和API". When a name holds the language's "and" itself, the plain
 * list reads as one thing too many ("Reports and exports and Web app" could be three), so the names are then
 * separated by the language's list comma alone: "Reports and exports, Web app", "Berichte und Exporte, Web-App".
 */
export function nameList(locale: string, names: readonly string[]): string {
  const { and, conjunction, comma } = nameListsFor(locale);
  return names.length > 1 && names.some((n) => conjunction.test(n)) ? names.join(comma) : and.format(names);
}

/** Picks the text for `locale` from a config string or per-language map, falling back to the content's language. */
export function localize(text: LocalizedText, locale: string, fallback: string): string {
  if (typeof text === 'string') return text;
  const found = closestLocale(Object.keys(text), locale) ?? closestLocale(Object.keys(text), fallback);
  return (found === undefined ? undefined : text[found]) ?? Object.values(text)[0]!;
}
