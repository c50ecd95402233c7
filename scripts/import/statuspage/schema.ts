// The parts of Statuspage's public API documents (/api/v2/incidents.json, scheduled-maintenances.json,
// components.json, summary.json) an import reads. Lenient where site/model/statuspage/schemas.ts is strict:
// real exports carry more fields (postmortem_body, reminder_intervals…), and unknown ones are ignored.
import { z } from 'zod';

const text = z.string();

export const affectedComponentSchema = z.object({
  /** Missing on the placeholder older pages wrote: `{ "name": "No components were affected by this update." }`. */
  code: text.nullish(),
  name: text.nullish(),
  old_status: text.nullish(),
  new_status: text.nullish(),
});

export const updateSchema = z.object({
  id: text.nullish(),
  status: text,
  body: text.nullish(),
  created_at: text,
  /** When Statuspage shows it as posted; differs from created_at for backdated updates. */
  display_at: text.nullish(),
  affected_components: z.array(affectedComponentSchema).nullish(),
});

export const componentSchema = z.object({
  id: text,
  name: text,
  description: text.nullish(),
  group: z.boolean().nullish(),
  group_id: text.nullish(),
  /** On groups: ids of their members. */
  components: z.array(text).nullish(),
  start_date: text.nullish(),
  only_show_if_degraded: z.boolean().nullish(),
});

export const incidentSchema = z.object({
  id: text,
  name: text,
  status: text,
  impact: text.nullish(),
  created_at: text,
  /** When the incident last changed: of two captures of one incident, the one with the later value is newer. */
  updated_at: text.nullish(),
  started_at: text.nullish(),
  resolved_at: text.nullish(),
  shortlink: text.nullish(),
  scheduled_for: text.nullish(),
  scheduled_until: text.nullish(),
  incident_updates: z.array(updateSchema),
  components: z.array(componentSchema).nullish(),
  postmortem_body: text.nullish(),
  postmortem_published_at: text.nullish(),
});

export const pageSchema = z.object({
  name: text.nullish(),
  url: text.nullish(),
  time_zone: text.nullish(),
});

/**
 * Any of the documents: the lists (/api/v2/incidents.json, summary.json…), one incident as
 * /api/v2/incidents/<id>.json serves it (`{ "page", "incident" }`), or the bare list of incidents the management API
 * returns. A bare incident object (the older /incidents/<id>.json) is told apart before this (isBareIncident).
 */
export const documentSchema = z.union([
  z.object({
    page: pageSchema.nullish(),
    components: z.array(z.unknown()).nullish(),
    incidents: z.array(z.unknown()).nullish(),
    scheduled_maintenances: z.array(z.unknown()).nullish(),
    incident: z.unknown().optional(),
  }),
  z.array(z.unknown()),
]);

/** One incident on its own, as the older per-incident documents and archives keep it: it has updates and an id. */
export function isBareIncident(json: unknown): boolean {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return false;
  const o = json as Record<string, unknown>;
  return typeof o.id === 'string' && Array.isArray(o.incident_updates);
}

export type SpUpdate = z.output<typeof updateSchema>;
export type SpComponent = z.output<typeof componentSchema>;
export type SpIncident = z.output<typeof incidentSchema>;
export type SpPage = z.output<typeof pageSchema>;

/** `incident_updates.2.created_at: expected string` — the first thing wrong, for one line of a report. */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.map(String).join('.');
  return `${path ? `${path}: ` : ''}${issue.message}`;
}
