// cState keeps an issue's whole log in one body, newest first by convention:
//
//   *Monitoring* - We are watching the fix. {{< track "2018-06-13 18:00:00" >}}
//
//   *Investigating* - We're aware of errors. {{< track "2018-06-13 17:20:00" >}}
//
// A `track` shortcode that ends its line closes one update and gives its time; a leading `*Label*` (or
// `**Label**`) names its status. Anything else — a track inside a sentence, text before the first label —
// is not a boundary, so a body without markers stays whole.
import { INCIDENT_STATUSES, type IncidentStatus } from '../../../site/model/states.ts';

export interface LogEntry {
  /** The track shortcode's date, as written. */
  time: string;
  status?: IncidentStatus;
  /** A leading label that is not a status ("Update", "Just began"); it stays in the text. */
  label?: string;
  body: string;
}

export interface Log {
  entries: LogEntry[];
  /** Paragraphs that belong to no timed entry (an introduction, a closing note). */
  untimed: string[];
}

const TRACK = /\{\{[<%]\s*track\s+"([^"]*)"\s*[>%]\}\}/g;
const MARKER = /^[ \t]*(\*{1,2}|_{1,2})[ \t]*([A-Za-z][A-Za-z0-9 '’-]{0,38}?)[ \t]*:?[ \t]*\1(?:[ \t]*[-–—:])?\s*/;
const PARAGRAPH_BREAK = /\n[ \t]*\n/;

export function splitLog(body: string): Log {
  const text = body.replace(/\r\n?/g, '\n');
  const entries: LogEntry[] = [];
  const untimed: string[] = [];
  let from = 0;
  for (const m of text.matchAll(TRACK)) {
    const end = m.index + m[0].length;
    if (!/^[ \t]*(\n|$)/.test(text.slice(end))) continue;
    const paragraphs = text.slice(from, m.index).split(PARAGRAPH_BREAK);
    from = end;
    // Paragraphs before the first labelled one are not part of this update (typically an introduction).
    const first = paragraphs.findIndex((p) => MARKER.test(p));
    if (first > 0) untimed.push(...paragraphs.splice(0, first).filter((p) => p.trim()));
    entries.push({ time: m[1]!, ...labelled(paragraphs.join('\n\n').trim()) });
  }
  const rest = text.slice(from).trim();
  if (rest) untimed.push(...rest.split(PARAGRAPH_BREAK).filter((p) => p.trim()));
  return { entries, untimed: untimed.map((p) => p.trim()) };
}

function labelled(text: string): Omit<LogEntry, 'time'> {
  const m = MARKER.exec(text);
  if (!m) return { body: text };
  const label = m[2]!.trim();
  const status = (INCIDENT_STATUSES as readonly string[]).find((s) => s === label.toLowerCase()) as IncidentStatus | undefined;
  // A status label says what the update's status field already says; any other label is part of the text.
  return status ? { status, body: text.slice(m[0].length).trim() } : { label, body: text };
}

/** Replaces track shortcodes left inside sentences with readable times. */
export function inlineTracks(text: string, readable: (time: string) => string): string {
  return text.replace(TRACK, (_, time: string) => readable(time));
}
