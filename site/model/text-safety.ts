// What text every output can carry. Feeds and the API are XML and JSON, the calendar is iCalendar, badges are
// SVG: XML 1.0 has no way to write most control characters at all (one ESC makes a whole feed malformed), and
// Markdown nested thousands of levels deep overflows the renderer's stack. Both are refused when a file is read,
// so nothing downstream (pages, feeds, API, calendar, badges, notifications) ever meets them.

/**
 * Characters no output may contain: C0 controls but tab, line feed and carriage return; DEL and the C1 controls
 * (XML 1.1 forbids them, readers mangle them); the noncharacters U+FFFE/U+FFFF; lone UTF-16 surrogates (a YAML
 * escape like "\ud800" makes one).
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const NAMES: Record<number, string> = { 0x00: 'NUL', 0x08: 'backspace', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x1b: 'ESC', 0x7f: 'DEL' };

/** How deep quotes and lists may nest. Real updates stay under five; the renderer overflows at about 2,000. */
export const MAX_NESTING = 32;

export interface TextProblem {
  /** 1-based line within the text checked. */
  line: number;
  message: string;
  fix: string;
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of `text` no output can carry, with where it is. */
export function forbiddenCharacter(text: string): TextProblem | undefined {
  const m = FORBIDDEN.exec(text);
  if (!m) return undefined;
  const line = text.slice(0, m.index).split('\n').length;
  const name = NAMES[m[0].charCodeAt(0)];
  return {
    line,
    message: `contains the control character ${codePoint(m[0])}${name ? ` (${name})` : ''}, which feeds, the API and the calendar cannot carry`,
    fix: 'delete it (it usually comes from pasting out of a document or a terminal); write line breaks as plain new lines',
  };
}

/** The embeddings, overrides and isolates and their closers (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * A bidirectional override or isolate left open at the end of its line. Closed ones are fine (they are how mixed
 * Hebrew, Arabic and Latin text is written); an open one reverses whatever a page, feed or chat message shows after
 * the text (the status, the time), which is how "Trojan Source" text disguises itself.
 */
export function openBidi(text: string): TextProblem | undefined {
  // Nearly every text has none at all: one scan says so, instead of testing each character (0.6 s of a first
  // build's 44,000 files at 5,000 incidents).
  if (!BIDI_CONTROLS.test(text)) return undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let embeddings = 0;
    let isolates = 0;
    let opener = '';
    for (const c of lines[i]!) {
      if (/[\u202A\u202B\u202D\u202E]/.test(c)) (embeddings++, (opener ||= c));
      else if (c === '\u202C') embeddings = Math.max(0, embeddings - 1);
      else if (/[\u2066-\u2068]/.test(c)) (isolates++, (opener ||= c));
      else if (c === '\u2069') isolates = Math.max(0, isolates - 1);
    }
    if (embeddings || isolates) {
      return {
        line: i + 1,
        message: `opens the bidirectional control ${codePoint(opener)} and never closes it on its line, which would reverse the text shown after it`,
        fix: `close it on the same line with ${embeddings ? 'U+202C (pop directional formatting)' : 'U+2069 (pop directional isolate)'}, or delete it`,
      };
    }
  }
  return undefined;
}

/**
 * Block quotes nested deeper than MAX_NESTING, found by counting each line's leading ">" markers, without
 * parsing (parsing such a body is itself what overflows).
 */
export function tooDeep(markdown: string): TextProblem | undefined {
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const quotes = /^(?:[ \t]*>)+/.exec(lines[i]!)?.[0].replace(/[^>]/g, '').length ?? 0;
    const indent = /^[ \t]*/.exec(lines[i]!)![0].replace(/\t/g, '    ').length;
    // Each level of a nested list indents by at least two columns.
    const depth = Math.max(quotes, Math.floor(indent / 2));
    if (depth > MAX_NESTING && (quotes > MAX_NESTING || /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/.test(lines[i]!))) {
      return {
        line: i + 1,
        message: `nests quotes or lists ${depth} levels deep; at most ${MAX_NESTING} can be shown`,
        fix: 'flatten the quoting: quote the earlier message once, with a single ">" per line',
      };
    }
  }
  return undefined;
}

/** Every string inside a parsed YAML value, with its path, for checking frontmatter fields. */
export function* stringsIn(value: unknown, path: PropertyKey[] = []): Generator<{ path: PropertyKey[]; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* stringsIn(v, [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) {
    yield { path: [...path, k], text: k };
    yield* stringsIn(v, [...path, k]);
  }
}
