// Turning generated facts into content files exactly as people write them: YAML frontmatter, Markdown body,
// update files named by their UTC minute.
import { timeToken } from '../../site/model/time-tokens.ts';

export type Files = Record<string, string>;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `2026-11-23T0705Z`: the file name of an update posted at `d`. */
export function stem(d: Date): string {
  return d.toISOString().slice(0, 16).replace(':', '') + 'Z';
}

/** `2026-11-23T07:05:00Z` */
export function iso(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}

/** `{time:2022-11-25T22:00:00Z}`: how a moment is written in prose, so every mirror reads it in its own zone. */
export function spoken(d: Date): string {
  return timeToken(d);
}

/** Frontmatter values are written as JSON, which YAML reads as-is, so titles with colons need no thought. */
export function markdownFile(fields: Record<string, unknown>, body = ''): string {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  const head = entries.length ? `---\n${entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n---\n` : '';
  return `${head}${body}\n`;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}

/** Lowercase words joined by dashes, as folder names need. */
export function slug(text: string, words = 7): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .slice(0, words)
    .join('-');
}
