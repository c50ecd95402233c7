// Frontmatter of a message template (`site/templates/<locale>/<id>.md`, or a team's `templates/<locale>/<id>.md`).
import { z } from 'zod';
import { COMPONENT_STATES, DATA_LOSS, INCIDENT_STATUSES, KINDS, MAINTENANCE_STATUSES } from '../states.ts';

export const templateSchema = z.strictObject({
  /** Shown in the picker, e.g. "Investigating — some customers affected". */
  name: z.string().trim().min(1),
  kind: z.enum(KINDS),
  /** Status the update gets. */
  status: z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]),
  /** Suggested impact for a new incident. */
  impact: z.string().optional(),
  /** State given to the chosen components. */
  state: z.enum(COMPONENT_STATES).optional(),
  /** Suggested minutes until the next update. */
  next_update_minutes: z.number().int().positive().optional(),
  /** Suggested answer to "was any data lost?" on an all-clear. */
  data_loss: z.enum(DATA_LOSS).optional(),
  /** The update moves the end of a maintenance window. */
  extends: z.boolean().optional(),
  /**
   * Who writes with it: `people` (offered by `candor new` and `candor update` in a terminal) or `monitoring`
   * (the drafts `candor alert` and `candor monitor` open; still usable with --template).
   */
  for: z.enum(['people', 'monitoring']).default('people'),
});

export type TemplateMeta = z.output<typeof templateSchema>;
