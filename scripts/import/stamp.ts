// Instants that remember the offset they were written with, so the import's report and the texts it writes
// (a folded all-clear's "Update posted 2022-01-20 16:02 UTC+02:00") quote a time as the source said it. Files
// hold the instant in UTC (site/model/write/timestamp.ts).
import { parseZonedTimestamp } from '../../site/model/time.ts';

export interface Stamp {
  date: Date;
  /** ISO 8601 with the source's own offset, e.g. `2022-01-20T14:27:26.370+02:00`. */
  text: string;
}

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/** A timestamp that names its zone, as Statuspage writes them; `undefined` when it is not one. */
export function zonedStamp(text: string): Stamp | undefined {
  const parsed = parseZonedTimestamp(text.trim());
  return parsed.ok ? { date: parsed.date, text: text.trim() } : undefined;
}

/** Minutes east of UTC that a stamp was written in. */
export function offsetOf(stamp: Stamp): number {
  const m = OFFSET.exec(stamp.text);
  if (!m || m[1] === 'Z') return 0;
  const sign = m[1]!.startsWith('-') ? -1 : 1;
  return sign * (Number(m[1]!.slice(1, 3)) * 60 + Number(m[1]!.slice(4, 6)));
}

/** `date` written as wall time at a fixed offset: `2022-01-20T15:27:26+02:00` (milliseconds only when non-zero). */
export function formatAtOffset(date: Date, offsetMinutes: number): string {
  const wall = new Date(date.getTime() + offsetMinutes * 60_000).toISOString();
  const ms = wall.slice(19, 23) === '.000' ? '' : wall.slice(19, 23);
  return `${wall.slice(0, 19)}${ms}${offsetText(offsetMinutes)}`;
}

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `2022-01-20 16:02 UTC+02:00`: how a time reads inside a customer-facing sentence. */
export function readableStamp(stamp: Stamp): string {
  const offset = offsetOf(stamp);
  const wall = formatAtOffset(stamp.date, offset);
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)} UTC${offset === 0 ? '' : wall.slice(-6)}`;
}

/** The same offset, some milliseconds later. */
export function later(stamp: Stamp, ms: number): Stamp {
  const date = new Date(stamp.date.getTime() + ms);
  return { date, text: formatAtOffset(date, offsetOf(stamp)) };
}

/** Offset of an IANA zone at an instant, in minutes east of UTC. */
export function zoneOffset(date: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(date)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

// cState (Hugo) dates: `2018-05-25 04:13:00`, `2018-05-25T04:13`, `2018-05-25`, optionally with `Z`, `+02:00` or ` +0200`.
const LOOSE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export type LooseResult = { ok: true; stamp: Stamp; zoneless: boolean } | { ok: false; problem: string };

/** Reads a date as cState writes it; one without a zone is wall time in `timeZone`. */
export function looseStamp(text: string, timeZone: string): LooseResult {
  const m = LOOSE.exec(text.trim());
  if (!m) return { ok: false, problem: `"${text}" is not a date like 2018-05-25 04:13:00` };
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}`;
  if (zone) {
    const normal = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    const stamp = zonedStamp(`${iso}${normal}`);
    return stamp ? { ok: true, stamp, zoneless: false } : { ok: false, problem: `"${text}" is not a real date and time` };
  }
  const asUtc = parseZonedTimestamp(`${iso}Z`);
  if (!asUtc.ok) return { ok: false, problem: `"${text}" is not a real date and time` };
  // The offset at the guessed instant, then again at the corrected one, settles across DST changes.
  const wall = asUtc.date.getTime();
  let offset = zoneOffset(asUtc.date, timeZone);
  offset = zoneOffset(new Date(wall - offset * 60_000), timeZone);
  const date = new Date(wall - offset * 60_000);
  return { ok: true, stamp: { date, text: formatAtOffset(date, offset) }, zoneless: true };
}
