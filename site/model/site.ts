// The validated content: what the loader produces and everything downstream reads.
import type { Config } from './schema/config.ts';
import type { AnnouncementFrontmatter } from './schema/announcement.ts';
import type { IncidentIndex } from './schema/incident.ts';
import type { ComponentStateName, DataLoss, Kind, Status } from './states.ts';

/** Prose in another language, from a file beside the original (`<name>.<locale>.md`). */
export interface Translation {
  file: string;
  title?: string;
  body: string;
  bodyLine: number;
}

export interface Update {
  /** `<incident id>/<file stem>`: unique and stable across builds. */
  id: string;
  stem: string;
  file: string;
  at: Date;
  status: Status;
  nextUpdate?: Date;
  /** Explicit component states from this update on. */
  components: Record<string, ComponentStateName>;
  /** Maintenance only: a new end for the window. */
  scheduledEnd?: Date;
  reopen: boolean;
  dataLoss?: DataLoss;
  /** Markdown source. */
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
  /** A hand-written social post, when the derived one will not do. */
  social?: string;
  /** Its id on the page it was imported from. */
  sourceId?: string;
  translations: Record<string, Translation>;
}

export interface Postmortem {
  file: string;
  published: Date;
  title?: string;
  body: string;
  bodyLine: number;
  translations: Record<string, Translation>;
}

export interface Incident {
  /** The folder name, e.g. `2026-11-20-card-payments`: the id in URLs. */
  id: string;
  /** Path of the folder relative to the site root. */
  dir: string;
  kind: Kind;
  title: string;
  impact?: string;
  components: string[];
  regions: string[];
  provider?: string;
  /** What customers are trying to do (written by `candor new`), for the next update's template. */
  what?: string;
  owner?: string;
  /** Where it was imported from; absent for incidents written here. */
  imported?: IncidentIndex['imported'];
  /** When customers were first affected; for maintenance, the window's start. */
  started: Date;
  /** Maintenance only: the window as first announced. */
  scheduled?: { start: Date; end: Date };
  /** Maintenance only: this window's own choice of automatic transitions (else the config's). */
  automatic?: boolean;
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

/** A notice that is neither incident nor maintenance, from `announcements/<date>-<slug>.md`. */
export interface Announcement {
  /** The file name without `.md`. */
  id: string;
  file: string;
  title: string;
  published: Date;
  pinned: boolean;
  until?: Date;
  imported?: AnnouncementFrontmatter['imported'];
  /** Markdown. */
  body: string;
}

export interface Site {
  root: string;
  config: Config;
  /** Newest first by start time. */
  incidents: Incident[];
  /** Newest first. */
  announcements: Announcement[];
  /** Every language any mirror serves, the content's own first. */
  locales: string[];
  /** Files marked `draft: true`, left out of everything published (relative paths, sorted). */
  drafts: string[];
}
