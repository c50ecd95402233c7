// Reads one incident folder: index.md, one file per update, postmortem.md, and their translations.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { ContentError } from '../errors.ts';
import { parseMarkdownFile, type ParsedFile } from '../frontmatter.ts';
import { indexSchema, indexTranslationSchema } from '../schema/incident.ts';
import { issuesToErrors } from '../schema/issues.ts';
import { incidentUpdateSchema, maintenanceUpdateSchema, postmortemSchema, postmortemTranslationSchema, updateTranslationSchema } from '../schema/update.ts';
import type { Incident, Postmortem, ProseFacts, Translation, Update } from '../site.ts';
import { renderCostProblem } from '../render-budget.ts';
import { parseUpdateFileName, parseZonedTimestamp } from '../time.ts';
import { readText, rel } from './files.ts';

export const FOLDER_NAME = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const NAMED_FILE = /^(index|postmortem)(?:\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*))?\.md$/;

/** Where each file's fields are, so later checks can point at a line. */
export type LineIndex = Map<string, ParsedFile['lineOf']>;

export interface FolderResult {
  incident?: Incident;
  /**
   * When index.md is broken: the folder's updates under a stand-in head, checked for the timeline and references
   * but never built, so one run reports the updates' problems with index.md's.
   */
  standIn?: Incident;
  /** Files that failed their schema, with their raw fields: their ids are still checked against the config. */
  rejected: RejectedFile[];
  errors: ContentError[];
  /** Files marked `draft: true`: checked, then left out of the site (with their translations). */
  drafts?: string[];
  /** The incident's digest (incident-digest.ts), made when the result is kept in a folder cache and kept with it. */
  digest?: string;
}

export interface RejectedFile {
  file: string;
  data: Record<string, unknown>;
}

type Parsed<T> = { file: string; data: T; body: string; bodyLine: number } | undefined;

export async function readIncidentFolder(root: string, dir: string, lines: LineIndex): Promise<FolderResult> {
  const errors: ContentError[] = [];
  const folder = rel(root, dir);
  const id = folder.split('/').pop()!;
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const links = new Set(entries.filter((e) => e.isSymbolicLink()).map((e) => e.name));

  let rawKind: unknown;
  const rejected: RejectedFile[] = [];
  async function parse<S extends z.ZodType>(name: string, schema: S): Promise<Parsed<z.output<S>>> {
    const path = join(dir, name);
    const file = rel(root, path);
    const read = await readText(root, path, { symlink: links.has(name) });
    if (!read.ok) return void errors.push(read.error);
    const parsed = parseMarkdownFile(read.text);
    if (!('data' in parsed)) return void errors.push({ file, line: parsed.line, message: parsed.message, fix: parsed.fix });
    lines.set(file, parsed.lineOf);
    if (name === 'index.md') rawKind = parsed.data.kind;
    const result = schema.safeParse(parsed.data);
    if (!result.success && !NAMED_FILE.exec(name)?.[2] && !parseUpdateFileName(name)?.locale) rejected.push({ file, data: parsed.data });
    if (!result.success) return void errors.push(...issuesToErrors(result.error.issues, parsed.data, schema, file, parsed.lineOf));
    const leading = /^\s*/.exec(parsed.body)![0].split('\n').length - 1;
    const body = parsed.body.trim();
    // An update (or its translation) that would take seconds to render in every mirror's job is refused here, so
    // `candor check`, the build and every writer (which reads back what it wrote) stop at the same rule.
    const costly = parseUpdateFileName(name) ? renderCostProblem(body) : undefined;
    if (costly) errors.push({ file, line: parsed.bodyLine + leading + costly.line - 1, message: `the text ${costly.message}`, fix: costly.fix });
    return { file, data: result.data, body, bodyLine: parsed.bodyLine + leading };
  }

  let index: Parsed<z.output<typeof indexSchema>>;
  const indexTr: Record<string, Translation> = {};
  const postmortemTr: Record<string, Translation> = {};
  let postmortem: Parsed<z.output<typeof postmortemSchema>>;
  const updateNames: string[] = [];
  const updateTr = new Map<string, Record<string, Translation>>();

  for (const entry of entries) {
    const file = `${folder}/${entry.name}`;
    if (!entry.isFile() && !entry.isSymbolicLink()) {
      if (entry.name.endsWith('.md')) errors.push({ file, message: 'is a folder, not a file', fix: 'replace it with the file it is named after, or remove it' });
      else errors.push({ file, message: 'is a folder inside an incident folder', fix: 'keep only index.md, update files and postmortem.md in an incident folder' });
      continue;
    }
    const named = NAMED_FILE.exec(entry.name);
    const update = parseUpdateFileName(entry.name);
    if (named && !named[2]) {
      if (named[1] === 'index') index = await parse(entry.name, indexSchema);
      else postmortem = await parse(entry.name, postmortemSchema);
    } else if (named) {
      const schema = named[1] === 'index' ? indexTranslationSchema : postmortemTranslationSchema;
      const tr = await parse(entry.name, schema);
      if (tr) (named[1] === 'index' ? indexTr : postmortemTr)[named[2]!] = prose(tr);
    } else if (update && !update.locale) {
      updateNames.push(entry.name);
    } else if (update) {
      const tr = await parse(entry.name, updateTranslationSchema);
      if (tr) updateTr.set(update.stem, { ...updateTr.get(update.stem), [update.locale!]: prose(tr) });
    } else {
      errors.push({
        file,
        message: `"${entry.name}" is not a name Candor knows`,
        fix: 'name updates by their UTC time like 2026-11-22T1014Z.md; other files are index.md, postmortem.md and translations like index.fr.md',
      });
    }
  }

  if (!index && !errors.some((e) => e.file === `${folder}/index.md`)) {
    errors.push({ file: `${folder}/index.md`, message: 'is missing', fix: 'every incident folder needs an index.md with title, kind, impact, components and started' });
  }
  // Updates are checked even when index.md is broken, so one run reports every problem.
  const kind = index?.data.kind ?? (rawKind === 'maintenance' ? 'maintenance' : 'incident');
  const schema = kind === 'incident' ? incidentUpdateSchema : maintenanceUpdateSchema;
  const updates: Update[] = [];
  const drafts: string[] = [];
  for (const name of updateNames) {
    const parsed = await parse(name, schema);
    const stem = parseUpdateFileName(name)!;
    if (!parsed) continue;
    const { draft, at, ...fields } = parsed.data;
    if (draft) {
      drafts.push(parsed.file);
      updateTr.delete(stem.stem);
      continue;
    }
    updates.push({
      ...fields,
      ...facts(parsed),
      id: `${id}/${stem.stem}`,
      stem: stem.stem,
      at: at ?? stem.date,
      translations: updateTr.get(stem.stem) ?? {},
    });
    updateTr.delete(stem.stem);
  }
  for (const [stem, tr] of updateTr) {
    for (const t of Object.values(tr)) {
      errors.push({ file: t.file, message: `translates an update that does not exist (${stem}.md)`, fix: `add ${stem}.md, or rename the translation to match its update` });
    }
  }
  updates.sort((a, b) => a.at.getTime() - b.at.getTime());
  if (!index) {
    const standIn = updates.length ? { id, dir: folder, kind, components: [], regions: [], started: updates[0]!.at, translations: indexTr, updates, title: '', summary: '', summaryLine: 1 } : undefined;
    return { errors, rejected, standIn };
  }
  const head = index.data;
  // A draft incident is not published at all: neither it nor any of its updates or postmortem.
  if (head.draft) return { errors, rejected, drafts: [index.file, ...drafts] };
  if (postmortem && !postmortem.data.draft && !postmortem.data.published) {
    errors.push({
      file: postmortem.file,
      field: 'published',
      message: 'is missing, so this postmortem would be published without a date',
      fix: `add when it is published, e.g. "published: 2026-11-25T16:00:00Z", or keep "draft: true" while it is being written`,
    });
  }
  if (postmortem?.data.draft) {
    drafts.push(postmortem.file);
    postmortem = undefined;
    for (const t of Object.values(postmortemTr)) drafts.push(t.file);
    for (const key of Object.keys(postmortemTr)) delete postmortemTr[key];
  }

  const { draft: _, ...fields } = head;
  const incident: Incident = {
    ...fields,
    id,
    dir: folder,
    started: head.kind === 'incident' ? head.started : head.scheduled.start,
    titleLine: lines.get(index.file)?.(['title']),
    summary: index.body,
    summaryLine: index.bodyLine,
    translations: indexTr,
    updates,
    postmortem: postmortem && toPostmortem(postmortem, postmortemTr),
  };
  if (!postmortem) {
    for (const t of Object.values(postmortemTr)) {
      errors.push({ file: t.file, message: 'translates a postmortem that does not exist', fix: 'add postmortem.md first' });
    }
  }
  return { incident, errors, rejected, drafts };
}

function toPostmortem(p: NonNullable<Parsed<z.output<typeof postmortemSchema>>>, translations: Record<string, Translation>): Postmortem {
  const { draft: _, published, ...fields } = p.data;
  // Checked above: a postmortem without `published` is an error unless it is a draft, and drafts never get here.
  return { ...fields, ...facts(p), published: published!, translations };
}

/** Where a parsed file is and its prose. */
function facts(p: ProseFacts): ProseFacts {
  return { file: p.file, body: p.body, bodyLine: p.bodyLine };
}

/** A translation: its frontmatter fields (a title, or none) and its prose. */
function prose<T extends object>(p: ProseFacts & { data: T }): T & ProseFacts {
  return { ...p.data, ...facts(p) };
}

/** Checks an incident folder's name, including that its date is a real one. */
export function folderNameProblem(name: string): string | undefined {
  const m = FOLDER_NAME.exec(name);
  if (!m) return `"${name}" is not named <YYYY-MM-DD>-<slug>`;
  if (!parseZonedTimestamp(`${m[1]}T00:00Z`).ok) return `"${name}" starts with an impossible date`;
  return undefined;
}
