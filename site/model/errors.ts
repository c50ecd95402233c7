// A content mistake is reported as data, never thrown as a stack trace: file, line, field, problem, fix.

export interface ContentError {
  /** Path relative to the site root, with forward slashes. */
  file: string;
  line?: number;
  /** Dotted path of the frontmatter or config field, when the problem is in one. */
  field?: string;
  message: string;
  /** What to write instead. */
  fix: string;
}

export function formatError(e: ContentError): string {
  const where = e.line ? `${e.file}:${e.line}` : e.file;
  const field = e.field ? ` ${e.field}:` : '';
  return `${where}${field} ${e.message}\n  fix: ${e.fix}`;
}

export function formatErrors(errors: readonly ContentError[]): string {
  const n = errors.length;
  return `${errors.map(formatError).join('\n')}\n\n${n} problem${n === 1 ? '' : 's'} found; nothing was built.`;
}

/** Sorted by file then line, so a report reads top to bottom like the repository. */
export function sortErrors(errors: ContentError[]): ContentError[] {
  return errors.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: ContentError[] };
