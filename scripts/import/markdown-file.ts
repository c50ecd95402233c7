// Writes content files the way people write them by hand: fields in the documented order, short lists inline.
import { stringify } from 'yaml';

/** A map written on one line, like `scheduled: { start: …, end: … }`. */
export class InlineMap {
  readonly entries: Record<string, string>;
  constructor(entries: Record<string, string>) {
    this.entries = entries;
  }
}

export type FieldValue = string | boolean | string[] | Record<string, string> | InlineMap | undefined;

/** One YAML scalar, quoted only when YAML needs it (titles with ": ", "true", "123"…). */
export function yamlScalar(value: string | boolean): string {
  return stringify(value, { lineWidth: 0, blockQuote: false }).trimEnd();
}

/** `---\nkey: value\n---\nbody\n`; undefined fields are left out. */
export function markdownFile(fields: [string, FieldValue][], body: string): string {
  const lines: string[] = [];
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      lines.push(`${key}: [${value.map(yamlScalar).join(', ')}]`);
    } else if (value instanceof InlineMap) {
      const pairs = Object.entries(value.entries).map(([k, v]) => `${k}: ${yamlScalar(v)}`);
      lines.push(`${key}: { ${pairs.join(', ')} }`);
    } else if (typeof value === 'object') {
      lines.push(`${key}:`, ...Object.entries(value).map(([k, v]) => `  ${k}: ${yamlScalar(v)}`));
    } else {
      lines.push(`${key}: ${yamlScalar(value)}`);
    }
  }
  const text = body.trim();
  return `---\n${lines.join('\n')}\n---\n${text ? `${text}\n` : ''}`;
}
