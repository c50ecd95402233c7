// Frontmatter of `incidents/<date>-<slug>/index.md`: the incident or maintenance itself.
import { z } from 'zod';
import { absoluteUrlSchema, draftSchema, githubHandleSchema, timestampSchema } from './common.ts';
import { camelKeysOf } from './shape.ts';

const sharedShape = {
  /** Customer-facing title: what customers experience, not the internal cause. */
  title: z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' }),
  /** Affected component ids from the config. */
  components: z.array(z.string(), { error: 'must be a list of component ids' }).min(1, { error: 'must name at least one affected component' }),
  /** Affected region ids; omitted or empty means every region the components run in. */
  regions: z.array(z.string(), { error: 'must be a list of region ids' }).default([]),
  /** Third party involved, named on the status page only ("one of our providers" elsewhere). */
  provider: z.string().trim().min(1).max(100).optional(),
  /** GitHub handle of whoever owns communication for it. */
  owner: githubHandleSchema.optional(),
  /**
   * What customers are trying to do when they hit the problem, as a verb phrase ("pay invoices by card"). Written by
   * `candor new`, so `update` and `resolve` fill their templates without asking again.
   */
  what: z.string({ error: 'must be text' }).trim().min(1).max(200).optional(),
  /** Set by `candor import`: history moved in from another status page, kept as it was said there. */
  imported: z
    .strictObject({
      /** The page it came from. */
      from: z.enum(['statuspage', 'cstate']),
      /** The source's own id; /api/v2 serves it instead of a derived one, so clients keyed on it see the same incident. */
      id: z.string().trim().min(1).max(100).optional(),
      /** The source's short link (Statuspage's stspg.io), served as the API's `shortlink`. */
      shortlink: absoluteUrlSchema.optional(),
      /**
       * When the last imported update was posted. Updates after it were posted here: they make the incident live
       * again, and every lint rule applies to it from then on (docs: migrating, "History is history").
       */
      latest: timestampSchema.optional(),
      /**
       * `recorded`: the source recorded every component change (Statuspage's `affected_components`), so a component
       * changes state only at an update that says so, and one listed without a change is affected with no state of
       * its own. Without it, listed components take the impact's state from the start (docs: migrating).
       */
      states: z.literal('recorded', { error: 'must be "recorded" or left out' }).optional(),
    })
    .optional(),
  /** `true` while the text is being written: read and checked, never published (docs: Status over time). */
  draft: draftSchema,
};

export const incidentIndexSchema = z.strictObject({
  kind: z.literal('incident'),
  /** Severity level id from the config's `impacts`. */
  impact: z.string({ error: 'must name an impact level' }),
  /** When customers started to be affected (may be before the first update). */
  started: timestampSchema,
  ...sharedShape,
});

export const maintenanceIndexSchema = z.strictObject({
  kind: z.literal('maintenance'),
  /** The announced window. */
  scheduled: z.strictObject({ start: timestampSchema, end: timestampSchema }, { error: 'must have start and end timestamps' }),
  /** Overrides the config's `maintenance.automatic` for this window: whether the clock starts and completes it. */
  automatic: z.boolean({ error: 'must be true or false' }).optional(),
  ...sharedShape,
});

export const indexSchema = z
  .discriminatedUnion('kind', [incidentIndexSchema, maintenanceIndexSchema], {
    error: 'must be "incident" or "maintenance"',
  })
  // Every key of both variants, so incidents and maintenance windows share one shape (see camelKeysOf).
  .transform(camelKeysOf(incidentIndexSchema, maintenanceIndexSchema));

export type IncidentIndex = z.output<typeof indexSchema>;

/** A translation of index.md (`index.fr.md`): title only in frontmatter, summary as body. */
export const indexTranslationSchema = z.strictObject({
  title: sharedShape.title.optional(),
});
