// cState keeps an issue's whole log in one body, newest first by convention:
//
//   *Monitoring* - We are watching the fix. {{< track "2018-06-13 18:00:00" >}}
//
//   *Investigating* - We're aware of errors. {{< track "2018-06-13 17:20:00" >}}
//
// A `track` shortcode that ends its line closes one update and gives its time; a leading `*Label*` (or
// `**Label**`) names its status. Anything else — a track inside a sentence, text before the first label —
// is not a boundary, so a body without markers stays whole.
import { ENTRY_LABELS, labelKey, LABELS, type Label } from './labels.ts';

export interface LogEntry {
  /** The track shortcode's date, as written. */
  time: string;
  /** A conventional label (lowercase), read as a status; it is taken out of the text. */
  status?: Label;
  /** A leading label that is not a status ("Update", "Just began"); it stays in the text. */
  label?: string;
  body: string;
}

export interface Log {
  entries: LogEntry[];
  /** Paragraphs that belong to no timed entry (an introduction, a closing note). */
  untimed: string[];
  /** A `*Post-mortem*` section's text, without its label. */
  postmortem?: string;
}

const TRACK = /\{\{[<%]\s*track\s+"([^"]*)"\s*[>%]\}\}/g;
const MARKER = /^[ \t]*(\*{1,2}|_{1,2})[ \t]*(\p{L}[\p{L}\p{N} '’-]{0,38}?)[ \t]*:?[ \t]*\1(?:[ \t]*[-–—:])?\s*/u;
const PARAGRAPH_BREAK = /\n[ \t]*\n/;
/** A Markdown thematic break on its own: cState sites use `---` between updates and before a post-mortem. */
const SEPARATOR = /^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;
const POSTMORTEM = /^post[- ]?mortem$/i;

export function splitLog(body: string): Log {
  const text = body.replace(/\r\n?/g, '\n');
  const entries: LogEntry[] = [];
  const untimed: string[] = [];
  let from = 0;
  for (const m of text.matchAll(TRACK)) {
    const end = m.index + m[0].length;
    if (!/^[ \t]*(\n|$)/.test(text.slice(end))) continue;
    const paragraphs = text.slice(from, m.index).split(PARAGRAPH_BREAK).filter((p) => !SEPARATOR.test(p));
    from = end;
    // Paragraphs before the first labelled one are not part of this update (typically an introduction).
    const first = paragraphs.findIndex((p) => MARKER.test(p));
    if (first > 0) untimed.push(...paragraphs.splice(0, first).filter((p) => p.trim()));
    entries.push({ time: m[1]!, ...labelled(paragraphs.join('\n\n').trim()) });
  }
  const rest = text.slice(from).trim();
  if (rest) untimed.push(...rest.split(PARAGRAPH_BREAK).filter((p) => p.trim()));
  return { entries, ...postmortemApart(untimed.map((p) => p.trim())) };
}

/** Takes a `*Post-mortem*` section (its label through the next separator or label) out of the untimed text. */
function postmortemApart(paragraphs: string[]): Pick<Log, 'untimed' | 'postmortem'> {
  const untimed: string[] = [];
  const section: string[] = [];
  let inSection = false;
  for (const p of paragraphs) {
    const label = MARKER.exec(p)?.[2]?.trim();
    if (label && POSTMORTEM.test(label)) {
      inSection = true;
      const rest = p.slice(MARKER.exec(p)![0].length).trim();
      if (rest) section.push(rest);
    } else if (SEPARATOR.test(p) || label) {
      inSection = false;
      if (!SEPARATOR.test(p)) untimed.push(p);
    } else {
      (inSection ? section : untimed).push(p);
    }
  }
  return { untimed, ...(section.length ? { postmortem: section.join('\n\n') } : {}) };
}

function labelled(text: string): Omit<LogEntry, 'time'> {
  const m = MARKER.exec(text);
  if (!m) return { body: stripSeparators(text) };
  const label = m[2]!.trim();
  const key = labelKey(label);
  // A status label says what the update's status field already says; any other label is part of the text.
  return key in LABELS ? { status: key as Label, body: stripSeparators(text.slice(m[0].length)) } : { label, body: stripSeparators(text) };
}

function stripSeparators(text: string): string {
  return text
    .split(PARAGRAPH_BREAK)
    .filter((p) => !SEPARATOR.test(p))
    .join('\n\n')
    .replace(/\n\s*(?:-{3,}|\*{3,}|_{3,})\s*$/, '')
    .trim();
}

/** Replaces track shortcodes left inside sentences with readable times. */
export function inlineTracks(text: string, readable: (time: string) => string): string {
  return text.replace(TRACK, (_, time: string) => readable(time));
}

/** An entry of a log written without track shortcodes: its label, and its text as written (label included). */
export interface UntrackedEntry {
  status?: Label;
  label: string;
  /** Without the label, for an update whose status says it. */
  body: string;
  /** With the label, for text kept whole. */
  text: string;
}

/**
 * A log written the usual way of real cState sites, without track shortcodes: paragraphs that open with a known
 * label (`*Investigating* - …`, `*Update* - …`, `*Resolved* - …`, `*Complete*`), each running until the next.
 * Undefined unless at least two entries and one status label are found. Entries are in the order written.
 */
export function splitUntracked(paragraphs: string[]): { intro: string[]; entries: UntrackedEntry[] } | undefined {
  const intro: string[] = [];
  const entries: UntrackedEntry[] = [];
  for (const p of paragraphs) {
    if (SEPARATOR.test(p)) continue;
    const m = MARKER.exec(p);
    const key = m ? labelKey(m[2]!) : '';
    if (m && (key in LABELS || ENTRY_LABELS.has(key))) {
      const text = stripSeparators(p);
      entries.push({ ...(key in LABELS ? { status: key as Label } : {}), label: m[2]!.trim(), body: stripSeparators(p.slice(m[0].length)), text });
      continue;
    }
    const last = entries.at(-1);
    if (last) {
      last.body = [last.body, p.trim()].filter(Boolean).join('\n\n');
      last.text = [last.text, p.trim()].filter(Boolean).join('\n\n');
    } else intro.push(p);
  }
  return entries.length >= 2 && entries.some((e) => e.status) ? { intro, entries } : undefined;
}

const RANK: Record<string, number> = { investigating: 0, identified: 1, monitoring: 2, resolved: 3 };
const rankOf = (status: Label) => RANK[LABELS[status].incident]!;

/**
 * The entries oldest first, when their status labels say which way the log runs: statuses that only advance from
 * the bottom up (cState's newest-first convention) or from the top down; a lone status label tells it by standing
 * at an end as a beginning (investigating) or an end (resolved). Undefined when the labels do not say.
 */
export function oldestFirst(entries: UntrackedEntry[]): UntrackedEntry[] | undefined {
  const ranked = entries.flatMap((e, i) => (e.status ? [{ i, rank: rankOf(e.status) }] : []));
  const ranks = ranked.map((r) => r.rank);
  const down = ranks.every((r, k) => k === 0 || r <= ranks[k - 1]!);
  const up = ranks.every((r, k) => k === 0 || r >= ranks[k - 1]!);
  const first = ranked[0]!, last = ranked.at(-1)!;
  if (ranks.length > 1 && first.rank !== last.rank) return down ? [...entries].reverse() : up ? entries : undefined;
  if (ranks.length > 1) return undefined;
  const atTop = first.i === 0, atBottom = first.i === entries.length - 1;
  if (first.rank === 3) return atTop ? [...entries].reverse() : atBottom ? entries : undefined;
  if (first.rank === 0) return atBottom ? [...entries].reverse() : atTop ? entries : undefined;
  return undefined;
}
