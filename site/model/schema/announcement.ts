// Frontmatter of `announcements/<YYYY-MM-DD>-<slug>.md`: a notice that is neither an incident nor maintenance
// ("we moved to a new domain", cState's informational posts). The body is the notice, in Markdown.
import { z } from 'zod';
import { timestampSchema } from './common.ts';

export const announcementSchema = z.strictObject({
  /** Customer-facing headline. */
  title: z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' }),
  /** When it was posted; it appears from then on. */
  published: timestampSchema,
  /** Kept at the top of the home page (until `until`) instead of only for a week. */
  pinned: z.boolean().default(false),
  /** When it stops being shown on the home page; feeds keep it. */
  until: timestampSchema.optional(),
  /** Set by `candor import` for a post moved in from another status page. */
  imported: z.strictObject({ from: z.enum(['statuspage', 'cstate']), id: z.string().trim().min(1).max(100).optional() }).optional(),
});

export type AnnouncementFrontmatter = z.output<typeof announcementSchema>;
