// What every importer produces: the source's incidents, components and groups in Candor's terms, before
// any file is named or written. Components are still referred to by the source's own key here.
import type { ComponentStateName, Kind, Status } from '../../site/model/states.ts';
import type { Stamp } from './stamp.ts';

export interface DraftUpdate {
  at: Stamp;
  status: Status;
  /** Markdown. */
  body: string;
  /** Explicit component states from this update on, by component key. */
  components: Record<string, ComponentStateName>;
  /** The update's id in the source, kept so /api/v2 serves it unchanged. */
  sourceId?: string;
}

export interface DraftIncident {
  /** Where it came from, for the report: `incidents.json: "API errors" (id 2z2kwq4nx1pl)`. */
  origin: string;
  title: string;
  kind: Kind;
  /** An impact id (incidents only). */
  impact?: string;
  /** Component keys. */
  components: string[];
  /** When customers were first affected; for maintenance, the window's start. */
  started: Stamp;
  scheduled?: { start: Stamp; end: Stamp };
  /** Markdown for index.md's body. */
  summary: string;
  updates: DraftUpdate[];
  postmortem?: { published: Stamp; body: string };
  /**
   * The source recorded every component change on its updates (Statuspage): components change state only where an
   * update says so, and `components` lists what was affected without giving it a state.
   */
  statesRecorded?: boolean;
  /** The incident's id and short link in the source, kept so /api/v2 serves them unchanged. */
  sourceId?: string;
  shortlink?: string;
}

/** A notice that is neither incident nor maintenance (cState's informational posts). */
export interface DraftAnnouncement {
  origin: string;
  title: string;
  published: Stamp;
  pinned: boolean;
  /** Markdown. */
  body: string;
}

export interface DraftGroup {
  key: string;
  name: string;
  description?: string;
  /** The group's id in the source, when it has one clients may know it by. */
  sourceId?: string;
}

export interface DraftComponent {
  key: string;
  name: string;
  description?: string;
  groupKey?: string;
  /** `YYYY-MM-DD` it started being used. */
  since?: string;
  onlyShowIfDegraded?: boolean;
  /** The component's id in the source, when it has one clients may know it by. */
  sourceId?: string;
}

/** The page the source described, used when a new candor.config.yaml is written. */
export interface DraftSite {
  name?: string;
  url?: string;
  timeZone?: string;
  locale?: string;
  description?: string;
}

export interface Draft {
  /** "Statuspage" or "cState", for messages. */
  source: string;
  /** The `imported.from` every incident gets. */
  from: 'statuspage' | 'cstate';
  site: DraftSite;
  groups: DraftGroup[];
  components: DraftComponent[];
  incidents: DraftIncident[];
  announcements: DraftAnnouncement[];
}
