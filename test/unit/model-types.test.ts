// The model types are the schemas' outputs plus what the loader adds, and nothing declared twice. These are
// compile-time assertions: `npx tsc --noEmit` (part of `npm test`) fails when one breaks; vitest only runs them.
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { announcementSchema } from '../../site/model/schema/announcement.ts';
import type { incidentIndexSchema, indexTranslationSchema, maintenanceIndexSchema } from '../../site/model/schema/incident.ts';
import type { Camel, CamelKeys } from '../../site/model/schema/shape.ts';
import type { incidentUpdateSchema, maintenanceUpdateSchema, postmortemSchema, postmortemTranslationSchema, updateTranslationSchema } from '../../site/model/schema/update.ts';
import type {
  Announcement,
  AnnouncementFacts,
  Incident,
  IncidentFacts,
  Postmortem,
  PostmortemFacts,
  ProseFacts,
  Translation,
  Update,
  UpdateFacts,
} from '../../site/model/site.ts';

/** The keys a user writes in a file's frontmatter, as the model names them. */
type Written<S extends z.ZodType> = Camel<Named<z.input<S>>>;
/** Named keys only: zod types an empty strict object (update translations) as `{ [k: string]: never }`. */
type Named<T> = keyof { [K in keyof T as string extends K ? never : K extends string ? K : never]: T[K] } & string;
/** Read by the loader, never published (`Site.drafts` lists the files). */
type Consumed = 'draft';
/** What the loader publishes of one parsed file: its schema output without the consumed keys. */
type Published<S extends z.ZodType> = Omit<z.output<S>, Consumed>;

describe('model types are derived from the schemas', () => {
  it('renames snake_case keys to camelCase in one place', () => {
    expectTypeOf<Camel<'next_update'>>().toEqualTypeOf<'nextUpdate'>();
    expectTypeOf<Camel<'a_b_c'>>().toEqualTypeOf<'aBC'>();
    expectTypeOf<CamelKeys<{ source_id?: string; status: 'x' }>>().toEqualTypeOf<{ sourceId?: string; status: 'x' }>();
    // The update schemas' output is already the model's naming.
    expectTypeOf<keyof z.output<typeof incidentUpdateSchema>>().toEqualTypeOf<Written<typeof incidentUpdateSchema>>();
    expectTypeOf<keyof z.output<typeof maintenanceUpdateSchema>>().toEqualTypeOf<Written<typeof maintenanceUpdateSchema>>();
  });

  it('every frontmatter key is a field of the model (a forgotten mapping does not compile)', () => {
    expectTypeOf<Exclude<Written<typeof incidentUpdateSchema> | Written<typeof maintenanceUpdateSchema>, Consumed>>().toExtend<keyof Update>();
    expectTypeOf<Exclude<Written<typeof incidentIndexSchema> | Written<typeof maintenanceIndexSchema>, Consumed>>().toExtend<keyof Incident>();
    expectTypeOf<Exclude<Written<typeof postmortemSchema>, Consumed>>().toExtend<keyof Postmortem>();
    expectTypeOf<Written<typeof indexTranslationSchema> | Written<typeof postmortemTranslationSchema> | Written<typeof updateTranslationSchema>>().toExtend<keyof Translation>();
    expectTypeOf<Written<typeof announcementSchema>>().toExtend<keyof Announcement>();
  });

  it('the model has no field beyond the frontmatter and the loader’s facts (no second declaration)', () => {
    expectTypeOf<keyof Update>().toEqualTypeOf<Exclude<Written<typeof incidentUpdateSchema> | Written<typeof maintenanceUpdateSchema>, Consumed> | keyof UpdateFacts>();
    expectTypeOf<keyof Incident>().toEqualTypeOf<Exclude<Written<typeof incidentIndexSchema> | Written<typeof maintenanceIndexSchema>, Consumed> | keyof IncidentFacts>();
    expectTypeOf<keyof Postmortem>().toEqualTypeOf<Exclude<Written<typeof postmortemSchema>, Consumed> | keyof PostmortemFacts>();
    expectTypeOf<keyof Translation>().toEqualTypeOf<Written<typeof indexTranslationSchema> | Written<typeof postmortemTranslationSchema> | keyof ProseFacts>();
    expectTypeOf<keyof Announcement>().toEqualTypeOf<Written<typeof announcementSchema> | keyof AnnouncementFacts>();
  });

  it('each variant’s parsed file plus the loader’s facts is a model object: the field types agree', () => {
    expectTypeOf<Omit<Published<typeof incidentUpdateSchema>, 'at'> & UpdateFacts>().toExtend<Update>();
    expectTypeOf<Omit<Published<typeof maintenanceUpdateSchema>, 'at'> & UpdateFacts>().toExtend<Update>();
    expectTypeOf<Omit<Published<typeof incidentIndexSchema>, 'started'> & IncidentFacts>().toExtend<Incident>();
    expectTypeOf<Published<typeof maintenanceIndexSchema> & IncidentFacts>().toExtend<Incident>();
    expectTypeOf<Omit<Published<typeof postmortemSchema>, 'published'> & PostmortemFacts>().toExtend<Postmortem>();
    expectTypeOf<z.output<typeof indexTranslationSchema> & ProseFacts>().toExtend<Translation>();
    expectTypeOf<z.output<typeof announcementSchema> & AnnouncementFacts>().toExtend<Announcement>();
    // And no field went loose on the way: the model keeps the schema's exact types.
    expectTypeOf<Update['nextUpdate']>().toEqualTypeOf<z.output<typeof incidentUpdateSchema>['nextUpdate']>();
    expectTypeOf<Update['status']>().toEqualTypeOf<z.output<typeof incidentUpdateSchema>['status'] | z.output<typeof maintenanceUpdateSchema>['status']>();
    expectTypeOf<Incident['imported']>().toEqualTypeOf<z.output<typeof incidentIndexSchema>['imported']>();
    expectTypeOf<Announcement>().not.toBeAny();
  });
});
