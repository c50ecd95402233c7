// How the site looks as a brand: logo, favicon, theme colour and the image shown when a link is shared,
// and where readers sign up for what only the team can send (email, webhooks).
import { z } from 'zod';
import { absoluteUrlSchema } from './common.ts';

/** A file in the repository, relative to candor.config.yaml, copied into every mirror's output. */
const repoFileSchema = z
  .string()
  .trim()
  .regex(/^(?!\/)(?!.*\.\.)[\w./-]+\.(svg|png|ico|jpg|jpeg|webp)$/i, { error: 'must be a path inside the repository ending in .svg, .png, .ico, .jpg or .webp, e.g. assets/logo.svg' });

export const identitySchema = z.strictObject({
  /** Shown before the name in the header, e.g. `assets/logo.svg`. */
  logo: repoFileSchema.optional(),
  /** The browser tab's icon, e.g. `assets/favicon.svg`. Candor's own round icon when unset. */
  favicon: repoFileSchema.optional(),
  /** Colour of the browser's toolbar on phones, `#rrggbb`. */
  theme_color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like "#0b57c2"' })
    .default('#0b57c2'),
  /** Image shown when a link to the page is shared in chat or social media (1200×630 works everywhere). */
  social_image: repoFileSchema.optional(),
});

export const subscribeSchema = z.strictObject({
  /** Your email sign-up page (a newsletter or mailing-list form); the subscribe page links to it. */
  email_url: absoluteUrlSchema.optional(),
  /** Where a customer asks for updates sent to their webhook, e.g. a support form. */
  webhook_url: absoluteUrlSchema.optional(),
});

export type Identity = z.output<typeof identitySchema>;
