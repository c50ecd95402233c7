// The text of every content file Candor writes (`candor new`, `update`, `resolve`, `postmortem`, both importers,
// the postmortem pull request): fields in the documented order, short lists and the maintenance window on one
// line like the docs' examples, quoting only where YAML needs it, instants in UTC. Text no output can carry is
// refused here, naming the file and field, so a bad paste never reaches a file the build would then reject.
import { Document } from 'yaml';
import type { z } from 'zod';
import type { announcementSchema } from '../schema/announcement.ts';
import type { incidentIndexSchema, indexTranslationSchema, maintenanceIndexSchema } from '../schema/incident.ts';
import type { incidentUpdateSchema, maintenanceUpdateSchema, postmortemSchema } from '../schema/update.ts';
import { renderCostProblem } from '../render-budget.ts';
import { forbiddenCharacter, openBidi, stringsIn, tooDeep } from '../text-safety.ts';
import { timestamp } from './timestamp.ts';

/**
 * A schema's input, every field optional (the loader, not the compiler, says which are required where), every
 * free-text field also accepting a Date, written with `timestamp()`.
 */
type Writable<T> = { [K in keyof T]?: Widen<T[K]> };
type Widen<V> = V extends string ? (string extends V ? V | Date : V) : V extends readonly string[] ? V : V extends object ? { [K in keyof V]: Widen<V[K]> } : V;
/** Both variants of a file in one shape (a status is an incident's or a maintenance's), checked by the loader. */
type Either<A, B> = { [K in keyof A | keyof B]?: (K extends keyof A ? A[K] : never) | (K extends keyof B ? B[K] : never) };

export type IndexFields = Writable<Either<z.input<typeof incidentIndexSchema>, z.input<typeof maintenanceIndexSchema>>>;
export type UpdateFields = Writable<Either<z.input<typeof incidentUpdateSchema>, z.input<typeof maintenanceUpdateSchema>>>;
export type PostmortemFields = Writable<z.input<typeof postmortemSchema>>;
export type AnnouncementFields = Writable<z.input<typeof announcementSchema>>;
export type TranslationFields = Writable<z.input<typeof indexTranslationSchema>>;
/** The fields of any content file. */
export type ContentFields = IndexFields | UpdateFields | PostmortemFields | AnnouncementFields | TranslationFields;

type FileKind = 'index' | 'update' | 'postmortem' | 'announcement' | 'translation';

/** Field order per file, as the docs show them; a field not listed (a new schema key) follows in the order given. */
const ORDER: Record<FileKind, string[]> = {
  index: ['title', 'kind', 'impact', 'components', 'regions', 'started', 'scheduled', 'automatic', 'provider', 'owner', 'what', 'imported', 'draft'],
  update: ['status', 'reopen', 'next_update', 'scheduled_end', 'components', 'data_loss', 'at', 'social', 'source_id', 'draft'],
  postmortem: ['draft', 'published', 'title'],
  announcement: ['title', 'published', 'pinned', 'until', 'imported'],
  translation: ['title'],
};

/** Maps written on one line, like the docs' `scheduled: { start: …, end: … }`. */
const ONE_LINE_MAPS = new Set(['scheduled']);

/** Which kind of file a path names (`incidents/x/index.md`, `…/index.fr.md`, `…/postmortem.md`, `announcements/…`). */
export function fileKind(path: string): FileKind {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (path.startsWith('announcements/')) return 'announcement';
  if (name === 'index.md') return 'index';
  if (/^(index|postmortem)\.[^.]+\.md$/.test(name)) return 'translation';
  if (name === 'postmortem.md') return 'postmortem';
  return 'update';
}

/** Text that cannot be written, with the file and field it was meant for and how to fix it. */
export class UnwritableText extends Error {
  readonly path: string;
  readonly field: string;
  readonly fix: string;
  constructor(path: string, field: string, problem: string, fix: string) {
    super(`${path}: ${field} ${problem}\n  fix: ${fix}`);
    this.path = path;
    this.field = field;
    this.fix = fix;
  }
}

export interface ContentFileOptions {
  /** YAML comment lines heading the frontmatter (the postmortem draft says how to publish it). */
  comment?: string[];
}

type Plain = string | number | boolean | Plain[] | { [k: string]: Plain };

/** `---\nfield: value\n---\nbody\n` for the file at `path`; undefined fields, empty lists and empty maps are left out. */
export function contentFile(path: string, fields: ContentFields, body = '', options: ContentFileOptions = {}): string {
  const plain = plainFields(fields as Record<string, unknown>);
  const text = body.replace(/\r\n?/g, '\n').trim();
  refuseUnsafe(path, plain, text);
  const order = ORDER[fileKind(path)];
  const keys = Object.keys(plain).sort((a, b) => rank(order, a) - rank(order, b));
  const comment = (options.comment ?? []).map((line) => `# ${line}`.trimEnd());
  const lines = [...comment, ...keys.map((key) => yamlField(key, plain[key]!))];
  return `---\n${lines.join('\n')}\n---\n${text ? `${text}\n` : ''}`;
}

const rank = (order: string[], key: string) => (order.includes(key) ? order.indexOf(key) : order.length);

function plainFields(fields: Record<string, unknown>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [key, value] of Object.entries(fields)) {
    const plain = toPlain(value);
    if (plain !== undefined) out[key] = plain;
  }
  return out;
}

function toPlain(value: unknown): Plain | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return timestamp(value);
  if (Array.isArray(value)) {
    const items = value.map(toPlain).filter((v): v is Plain => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).flatMap(([k, v]) => {
      const p = toPlain(v);
      return p === undefined ? [] : [[k, p] as const];
    });
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value as string | number | boolean;
}

/** One top-level field: lists inline (`[api, web]`), `scheduled` inline with padding, other maps as blocks. */
function yamlField(key: string, value: Plain): string {
  const doc = new Document({ [key]: value });
  const node = doc.get(key, true) as { flow?: boolean } | undefined;
  const list = Array.isArray(value);
  if (node && (list || ONE_LINE_MAPS.has(key))) node.flow = true;
  return doc.toString({ lineWidth: 0, blockQuote: 'literal', flowCollectionPadding: !list }).trimEnd();
}

function refuseUnsafe(path: string, fields: Record<string, Plain>, body: string): void {
  for (const { path: at, text } of stringsIn(fields)) {
    const problem = forbiddenCharacter(text) ?? openBidi(text);
    if (problem) throw new UnwritableText(path, at.join('.'), problem.message, problem.fix);
  }
  const problem = forbiddenCharacter(body) ?? openBidi(body) ?? tooDeep(body) ?? (fileKind(path) === 'update' ? renderCostProblem(body) : undefined);
  if (problem) throw new UnwritableText(path, `the text (line ${problem.line})`, problem.message, problem.fix);
}
