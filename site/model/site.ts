// The validated content: what the loader produces and everything downstream reads.
//
// One declaration per concept: every frontmatter field's name and type comes from its schema (schema/*.ts), so a
// new key is one schema change plus its use. What is declared here is only what no frontmatter says: where a file
// is, its Markdown body, and what the loader assembles (ids, translations, the updates of an incident).
import type { z } from 'zod';
import type { announcementSchema } from './schema/announcement.ts';
import type { Config } from './schema/config.ts';
import type { Brand } from './brand/brand.ts';
import type { Measurements } from './schema/monitoring.ts';
import type { indexSchema, indexTranslationSchema } from './schema/incident.ts';
import type { Flat, Simplify } from './schema/shape.ts';
import type { incidentUpdateSchema, maintenanceUpdateSchema, postmortemSchema, postmortemTranslationSchema, updateTranslationSchema } from './schema/update.ts';

/**
 * Keys the loader consumes rather than passes on: `draft` files are left out of the site (listed in
 * `Site.drafts`), so no published object carries it.
 */
type Consumed = 'draft';

/** A Markdown file's own facts: where it is and its prose. */
export interface ProseFacts {
  /** Path relative to the site root. */
  file: string;
  /** Markdown source. */
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
}

/** Prose in another language, from a file beside the original (`<name>.<locale>.md`). */
export type Translation = Simplify<
  Flat<z.output<typeof indexTranslationSchema> | z.output<typeof postmortemTranslationSchema> | z.output<typeof updateTranslationSchema>> & ProseFacts
>;

/** What the loader adds to an update file's frontmatter. */
export interface UpdateFacts extends ProseFacts {
  /** `<incident id>/<file stem>`: unique and stable across builds. */
  id: string;
  stem: string;
  /** The frontmatter's `at`, else the time in the file name. */
  at: Date;
  translations: Record<string, Translation>;
}

/** The fields of an update file (incident or maintenance), camelCased by the schema: `next_update` → `nextUpdate`. */
export type UpdateFields = Omit<Flat<z.output<typeof incidentUpdateSchema> | z.output<typeof maintenanceUpdateSchema>>, Consumed | keyof UpdateFacts>;
export type Update = Simplify<UpdateFields & UpdateFacts>;

/** What the loader adds to postmortem.md's frontmatter. */
export interface PostmortemFacts extends ProseFacts {
  /** Required once published: a postmortem without it is an error unless it is a draft. */
  published: Date;
  translations: Record<string, Translation>;
}

export type PostmortemFields = Omit<z.output<typeof postmortemSchema>, Consumed | keyof PostmortemFacts>;
export type Postmortem = Simplify<PostmortemFields & PostmortemFacts>;

/** What the loader adds to index.md's frontmatter. */
export interface IncidentFacts {
  /** The folder name, e.g. `2026-11-20-card-payments`: the id in URLs. */
  id: string;
  /** Path of the folder relative to the site root. */
  dir: string;
  /** When customers were first affected; for maintenance, the window's start. */
  started: Date;
  /** Line of `title:` in index.md. */
  titleLine?: number;
  /** Markdown summary from index.md. */
  summary: string;
  summaryLine: number;
  translations: Record<string, Translation>;
  /** Oldest first. */
  updates: Update[];
  postmortem?: Postmortem;
}

/**
 * The fields of index.md, incident and maintenance variants as one type: `impact` is the incident's,
 * `scheduled` and `automatic` the maintenance window's.
 */
export type IncidentFields = Omit<Flat<z.output<typeof indexSchema>>, Consumed | keyof IncidentFacts>;
export type Incident = Simplify<IncidentFields & IncidentFacts>;

/** What the loader adds to an announcement's frontmatter. */
export interface AnnouncementFacts {
  /** The file name without `.md`. */
  id: string;
  file: string;
  /** Markdown. */
  body: string;
}

/** A notice that is neither incident nor maintenance, from `announcements/<date>-<slug>.md`. */
export type AnnouncementFields = Omit<z.output<typeof announcementSchema>, keyof AnnouncementFacts>;
export type Announcement = Simplify<AnnouncementFields & AnnouncementFacts>;

export interface Site {
  root: string;
  config: Config;
  /** The logo's files and box, and the accent in both schemes, derived from `config.identity`. */
  brand: Brand;
  /** Newest first by start time. */
  incidents: Incident[];
  /** Newest first. */
  announcements: Announcement[];
  /** Every language any mirror serves, the content's own first. */
  locales: string[];
  /** Files marked `draft: true`, left out of everything published (relative paths, sorted). */
  drafts: string[];
  /** What each declared check measured, by check id (monitoring/<id>.json); checks without a file are absent. */
  measurements: Record<string, Measurements>;
}
