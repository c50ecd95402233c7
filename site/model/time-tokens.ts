// Moments in prose: writers put `{time:2026-11-23T09:15:00Z}` in update text, and every mirror shows it in its
// own zone and language — the page, feeds, API text, calendar, email, chat and social posts alike — so the text
// and the "Next update by …" line under it never state two different times for one moment.
import { escapeHtml } from './html.ts';
import type { Formatter } from './format.ts';
import { parseZonedTimestamp } from './time.ts';
import { timestamp } from './write/timestamp.ts';

/**
 * `{time:<ISO 8601 timestamp with a zone>}`, or `{datetime:…}` for a moment always shown with its date (a
 * maintenance window: "On 7:29 AM" reads wrong even on the day it is announced). Anything between the braces
 * that is not a timestamp is left as written.
 */
export const TIME_TOKEN = /\{(time|datetime):\s*([^{}\s]+)\s*\}/g;
const HAS_TOKEN = /\{(?:date)?time:/;

/** The token for a moment, as templates and the CLI write it; `withDate` for one that always shows its date. */
export function timeToken(d: Date, { withDate = false } = {}): string {
  return `{${withDate ? 'datetime' : 'time'}:${timestamp(d)}}`;
}

/** Each token in `text` with the moment it names, or the problem with it. */
export function timeTokens(text: string): { token: string; index: number; date?: Date; problem?: string }[] {
  return [...text.matchAll(TIME_TOKEN)].map((m) => {
    const parsed = parseZonedTimestamp(m[2]!);
    return parsed.ok ? { token: m[0], index: m.index, date: parsed.date } : { token: m[0], index: m.index, problem: parsed.problem };
  });
}

function replace(text: string, render: (d: Date, withDate: boolean) => string): string {
  return text.replace(TIME_TOKEN, (whole, kind: string, iso: string) => {
    const parsed = parseZonedTimestamp(iso);
    return parsed.ok ? render(parsed.date, kind === 'datetime') : whole;
  });
}

/**
 * Plain text (Markdown source, email text, chat, social posts) with each moment in the formatter's zone and
 * language: the time alone when it falls on the same day as `reference` (the update's own time), else with the
 * date; always with the date when there is no reference (a summary is read days later).
 */
export function timesAsText(text: string, fmt: Formatter, reference?: Date): string {
  return HAS_TOKEN.test(text) ? replace(text, (d, withDate) => moment(fmt, d, withDate ? undefined : reference)) : text;
}

const moment = (fmt: Formatter, d: Date, reference?: Date) => (reference ? fmt.time(d, reference) : fmt.dateTime(d));

/** Rendered HTML with each moment as a `<time>` element: readable in the mirror's zone, exact in `datetime`. */
export function timesAsHtml(html: string, fmt: Formatter, reference?: Date): string {
  return HAS_TOKEN.test(html) ? replace(html, (d, withDate) => `<time datetime="${d.toISOString()}">${escapeHtml(moment(fmt, d, withDate ? undefined : reference))}</time>`) : html;
}
