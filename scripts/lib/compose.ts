// Turns answers into file text: YAML frontmatter written by the same library that reads it, then Markdown.
import { stringify } from 'yaml';

export function markdownFile(frontmatter: Record<string, unknown>, body: string): string {
  const clean = Object.fromEntries(Object.entries(frontmatter).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
  return `---\n${stringify(clean, { lineWidth: 0 }).trim()}\n---\n${body.trim()}\n`;
}

/** UTC with a zone and no milliseconds: how timestamps read best in files. */
export function stamp(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `--next-update 30` (minutes from `from`), `30m`, `2h`, or a timestamp with a zone. */
export function parseWhen(value: string, from: Date): Date | undefined {
  const rel = /^(\d+)\s*(m|min|h)?$/.exec(value.trim());
  if (rel) return new Date(from.getTime() + Number(rel[1]) * (rel[2] === 'h' ? 3_600_000 : 60_000));
  const d = new Date(value);
  return /(Z|[+-]\d{2}:\d{2})$/.test(value.trim()) && !Number.isNaN(d.getTime()) ? d : undefined;
}

/** A short lowercase slug from a title. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'incident';
}
