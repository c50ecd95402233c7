// Frontmatter of an update file, `incidents/<date>-<slug>/<YYYY-MM-DDTHHMMZ>.md`. The parsed output is the model's
// `Update` fields (site.ts): keys renamed to camelCase (`next_update` → `nextUpdate`) and defaults filled in here.
import { z } from 'zod';
import { COMPONENT_STATES, DATA_LOSS, INCIDENT_STATUSES, MAINTENANCE_STATUSES } from '../states.ts';
import { draftSchema, timestampSchema } from './common.ts';
import { camelKeysOf } from './shape.ts';

const sharedShape = {
  /** When it was posted; optional because the file name says it, but must agree when given. */
  at: timestampSchema.optional(),
  /** When customers will hear from us next; required on every incident update until resolved. */
  next_update: timestampSchema.optional(),
  /** Explicit component states from this update on, e.g. `{ api: degraded_performance }`. */
  components: z.record(z.string(), z.enum(COMPONENT_STATES), { error: 'must map component ids to states' }).default(() => ({})),
  /** A hand-written short post for social media; derived from the body when omitted. */
  social: z.string().trim().min(1).max(1000).optional(),
  /** The id the update had on the page it was imported from; /api/v2 serves it unchanged. */
  source_id: z.string().trim().min(1).max(100).optional(),
  /** `true` while the text is being written: read and checked, never published (docs: Status over time). */
  draft: draftSchema,
};

const incidentUpdateFields = z.strictObject({
  status: z.enum(INCIDENT_STATUSES),
  /** Set on the update that reopens a resolved incident. */
  reopen: z.boolean().default(false),
  /** On the all-clear: whether any customer data was lost. */
  data_loss: z.enum(DATA_LOSS).optional(),
  ...sharedShape,
});

const maintenanceUpdateFields = z.strictObject({
  status: z.enum(MAINTENANCE_STATUSES),
  reopen: z.boolean().default(false),
  /** A new end for the window, when maintenance is extended. */
  scheduled_end: timestampSchema.optional(),
  ...sharedShape,
});

const toModel = camelKeysOf(incidentUpdateFields, maintenanceUpdateFields);
export const incidentUpdateSchema = incidentUpdateFields.transform(toModel);
export const maintenanceUpdateSchema = maintenanceUpdateFields.transform(toModel);

/** Translations carry prose only; every fact comes from the original update. */
export const updateTranslationSchema = z.strictObject({});

export const postmortemSchema = z.strictObject({
  /** `true` while the text is being written: read and checked, never published (docs: Status over time). */
  draft: draftSchema,
  /** When it was published; required unless `draft: true`. The 72-hour follow-up rule reads this. */
  published: timestampSchema.optional(),
  title: z.string().trim().min(1).max(200).optional(),
});

export const postmortemTranslationSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
});
