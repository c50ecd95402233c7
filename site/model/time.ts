// Timestamps in content must carry their zone: a bare local time is an error, never a guess.

/** `2026-11-22T10:14Z`, `2026-11-22T10:14:00+02:00`, `2026-11-22T10:14:00.5Z` … */
const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;
const LOCAL = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

export const TIMESTAMP_EXAMPLE = '2026-11-22T10:14:00Z';

export type TimestampResult = { ok: true; date: Date } | { ok: false; problem: string };

/** Parses an ISO 8601 timestamp that names its zone, rejecting impossible dates such as 30 February. */
export function parseZonedTimestamp(text: string): TimestampResult {
  const m = ZONED.exec(text);
  if (!m) {
    if (LOCAL.test(text.trim())) {
      return { ok: false, problem: `"${text}" has no time zone; add "Z" for UTC or an offset such as "+02:00"` };
    }
    return { ok: false, problem: `"${text}" is not a timestamp` };
  }
  const [, y, mo, d, h, mi, s = '0', , oh = '0', om = '0'] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h), minute = Number(mi), second = Number(s);
  const probe = new Date(Date.UTC(year, month - 1, day));
  const realDay = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  if (!realDay || hour > 23 || minute > 59 || second > 59 || Number(oh) > 14 || Number(om) > 59) {
    return { ok: false, problem: `"${text}" is not a real date and time` };
  }
  return { ok: true, date: new Date(text) };
}

/** Update files are named by their UTC minute (or second): `2026-11-22T1014Z.md`, `2026-11-22T101430Z.fr.md`. */
const UPDATE_FILE = /^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})?Z(?:\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*))?\.md$/;

export interface UpdateFileName {
  /** The stem shared by an update and its translations, e.g. `2026-11-22T1014Z`. */
  stem: string;
  date: Date;
  locale?: string;
}

export function parseUpdateFileName(name: string): UpdateFileName | undefined {
  const m = UPDATE_FILE.exec(name);
  if (!m) return undefined;
  const [, day, h, mi, s, locale] = m;
  const parsed = parseZonedTimestamp(`${day}T${h}:${mi}:${s ?? '00'}Z`);
  if (!parsed.ok) return undefined;
  return { stem: name.slice(0, name.indexOf('Z') + 1), date: parsed.date, locale };
}

/** The file name the CLI gives an update posted at `date` (minute precision, UTC). */
export function updateFileStem(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}

/** Whether `zone` is an IANA time zone this runtime knows, such as `Europe/Paris`. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** UTC calendar day `YYYY-MM-DD` of an instant. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
