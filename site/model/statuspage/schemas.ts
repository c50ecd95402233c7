// The documents Atlassian Statuspage serves under /api/v2/, field for field. Strict: clients that reject
// unknown fields must never see one, so anything Candor adds lives in documents of its own.
import { z } from 'zod';
import { COMPONENT_STATES, INCIDENT_STATUSES, MAINTENANCE_STATUSES } from '../states.ts';

const id = z.string().regex(/^[0-9a-z]{12}$/);
const time = z.iso.datetime({ offset: true });
const nullableTime = time.nullable();

export const pageSchema = z.strictObject({ id, name: z.string(), url: z.url(), time_zone: z.string(), updated_at: time });

export const statusSchema = z.strictObject({
  indicator: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
  description: z.enum(['All Systems Operational', 'Minor Service Outage', 'Partial System Outage', 'Major System Outage', 'Service Under Maintenance']),
});

export const componentSchema = z.strictObject({
  id,
  name: z.string(),
  status: z.enum(COMPONENT_STATES),
  created_at: time,
  updated_at: time,
  position: z.number().int().min(1),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.iso.date().nullable(),
  group_id: id.nullable(),
  page_id: id,
  group: z.boolean(),
  only_show_if_degraded: z.boolean(),
  /** Only on groups: ids of their components. */
  components: z.array(id).optional(),
});

export const affectedComponentSchema = z.strictObject({
  code: id,
  name: z.string(),
  old_status: z.enum(COMPONENT_STATES),
  new_status: z.enum(COMPONENT_STATES),
});

const allStatuses = z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]);

export const incidentUpdateSchema = z.strictObject({
  id,
  status: allStatuses,
  body: z.string(),
  incident_id: id,
  created_at: time,
  updated_at: time,
  display_at: time,
  affected_components: z.array(affectedComponentSchema).nullable(),
  deliver_notifications: z.boolean(),
  custom_tweet: z.null(),
  tweet_id: z.null(),
});

const incidentShape = {
  id,
  name: z.string(),
  status: allStatuses,
  created_at: time,
  updated_at: time,
  monitoring_at: nullableTime,
  resolved_at: nullableTime,
  impact: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
  shortlink: z.url(),
  started_at: time,
  page_id: id,
  incident_updates: z.array(incidentUpdateSchema),
  components: z.array(componentSchema),
};

export const incidentSchema = z.strictObject({ ...incidentShape, status: z.enum(INCIDENT_STATUSES) });
export const maintenanceSchema = z.strictObject({ ...incidentShape, status: z.enum(MAINTENANCE_STATUSES), scheduled_for: time, scheduled_until: time });

/** Every document, by its path under /api/v2/. */
export const documentSchemas = {
  'summary.json': z.strictObject({
    page: pageSchema,
    components: z.array(componentSchema),
    incidents: z.array(incidentSchema),
    scheduled_maintenances: z.array(maintenanceSchema),
    status: statusSchema,
  }),
  'status.json': z.strictObject({ page: pageSchema, status: statusSchema }),
  'components.json': z.strictObject({ page: pageSchema, components: z.array(componentSchema) }),
  'incidents.json': z.strictObject({ page: pageSchema, incidents: z.array(incidentSchema) }),
  'incidents/unresolved.json': z.strictObject({ page: pageSchema, incidents: z.array(incidentSchema) }),
  'scheduled-maintenances.json': z.strictObject({ page: pageSchema, scheduled_maintenances: z.array(maintenanceSchema) }),
  'scheduled-maintenances/upcoming.json': z.strictObject({ page: pageSchema, scheduled_maintenances: z.array(maintenanceSchema) }),
  'scheduled-maintenances/active.json': z.strictObject({ page: pageSchema, scheduled_maintenances: z.array(maintenanceSchema) }),
} as const;

export type DocumentPath = keyof typeof documentSchemas;
/** The documents' paths: the API's pages are listed from these, without making the documents. */
export const DOCUMENT_PATHS = Object.keys(documentSchemas) as DocumentPath[];
export type StatuspageComponent = z.output<typeof componentSchema>;
export type StatuspageIncident = z.output<typeof incidentSchema>;
export type StatuspageMaintenance = z.output<typeof maintenanceSchema>;
export type StatuspageUpdate = z.output<typeof incidentUpdateSchema>;
