// Prepared messages: Candor's built-in library, plus a team's own in `templates/<locale>/<id>.md`, which win
// over a built-in of the same id.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentError, Result } from '../errors.ts';
import { parseMarkdownFile } from '../frontmatter.ts';
import { readText, rel } from '../load/files.ts';
import { issuesToErrors } from '../schema/issues.ts';
import { templateSchema, type TemplateMeta } from '../schema/template.ts';

export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));
export const TEAM_TEMPLATES = 'templates';

export interface Template {
  id: string;
  locale: string;
  meta: TemplateMeta;
  body: string;
  /** Where it came from, for messages. */
  file: string;
}

export async function loadTemplates(root: string): Promise<Result<Template[]>> {
  const errors: ContentError[] = [];
  const byKey = new Map<string, Template>();
  for (const [dir, base] of [[BUILTIN_TEMPLATES, join(BUILTIN_TEMPLATES, '..', '..')], [join(root, TEAM_TEMPLATES), root]] as const) {
    if (!existsSync(dir)) continue;
    for (const locale of (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name)) {
      for (const name of (await readdir(join(dir, locale))).filter((f) => f.endsWith('.md')).sort()) {
        const path = join(dir, locale, name);
        const read = await readText(base, path);
        if (!read.ok) {
          errors.push(read.error);
          continue;
        }
        const parsed = parseMarkdownFile(read.text);
        const file = rel(base, path);
        if (!('data' in parsed)) {
          errors.push({ file, line: parsed.line, message: parsed.message, fix: parsed.fix });
          continue;
        }
        const meta = templateSchema.safeParse(parsed.data);
        if (!meta.success) {
          errors.push(...issuesToErrors(meta.error.issues, parsed.data, templateSchema, file, parsed.lineOf));
          continue;
        }
        const id = name.replace(/\.md$/, '');
        byKey.set(`${locale}/${id}`, { id, locale, meta: meta.data, body: parsed.body.trim(), file });
      }
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: [...byKey.values()] };
}

/** Templates for a language, falling back to English for ids that language lacks. */
export function templatesFor(all: Template[], locale: string): Template[] {
  const language = locale.split('-')[0]!;
  const pick = (l: string) => all.filter((t) => t.locale === l);
  const own = pick(locale).length ? pick(locale) : pick(language);
  const ids = new Set(own.map((t) => t.id));
  return [...own, ...pick('en').filter((t) => !ids.has(t.id))].sort((a, b) => a.id.localeCompare(b.id));
}
