// How the site looks as a brand: logo, favicon, theme colour and the image shown when a link is shared,
// and where readers sign up for what only the team can send (email, webhooks).
import { z } from 'zod';
import { absoluteUrlSchema } from './common.ts';
import { AA_TEXT, BACKGROUNDS, nearestPassing, ratioText, worstContrast } from '../brand/contrast.ts';

/** A file in the repository, relative to candor.config.yaml, copied into every mirror's output. */
const repoFileSchema = z
  .string()
  .trim()
  .regex(/^(?!\/)(?!.*\.\.)[\w./-]+\.(svg|png|ico|jpg|jpeg|webp)$/i, { error: 'must be a path inside the repository ending in .svg, .png, .ico, .jpg or .webp, e.g. assets/logo.svg' });

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like "#0b57c2"' });

/** A colour links are written in: it must reach WCAG AA (4.5:1) against every background of its scheme. */
const accentSchema = (scheme: keyof typeof BACKGROUNDS) =>
  hexColour.transform((colour) => colour.toLowerCase()).superRefine((colour, ctx) => {
    const ratio = worstContrast(colour, BACKGROUNDS[scheme]);
    if (ratio >= AA_TEXT) return;
    const near = nearestPassing(colour, BACKGROUNDS[scheme])!;
    ctx.addIssue({
      code: 'custom',
      message: `reaches only ${ratioText(ratio)} against the ${scheme} page (${BACKGROUNDS[scheme].join(' and ')}); links need ${AA_TEXT}:1 (WCAG AA)`,
      params: { fix: `use "${near}" (${ratioText(worstContrast(near, BACKGROUNDS[scheme]))}), the nearest colour of the same hue that passes` },
    });
  });

/** A logo file: SVG, PNG or WebP (checked when the site loads, with its size and, for SVG, its safety). */
const logoFileSchema = z
  .string()
  .trim()
  .regex(/^(?!\/)(?!.*\.\.)[\w./-]+\.(svg|png|webp)$/i, { error: 'must be a path inside the repository ending in .svg, .png or .webp, e.g. assets/logo.svg' });

export const identitySchema = z.strictObject({
  /**
   * Shown before the name in the header, e.g. `assets/logo.svg`: SVG, PNG or WebP, at most 64 KB, shown 28 px high
   * (its own width and height attributes or viewBox give the width). An SVG may hold no script, event handler,
   * external reference or embedded HTML.
   */
  logo: logoFileSchema.optional(),
  /** The logo shown instead when the reader's system is set to dark mode, e.g. `assets/logo-dark.svg`. Needs `logo`. */
  logo_dark: logoFileSchema.optional(),
  /**
   * Your brand colour, `#rrggbb`: links, buttons, focus rings, the header's line and the generated favicon.
   * It must reach 4.5:1 against the light page (WCAG AA); the error names the nearest colour that does.
   */
  accent: accentSchema('light').optional(),
  /** The accent on the dark page. Defaults to `accent` lightened until it reaches 4.5:1 against the dark page. */
  accent_dark: accentSchema('dark').optional(),
  /** The browser tab's icon, e.g. `assets/favicon.svg`. When unset: a rounded square in `accent`, or Candor's own round icon. */
  favicon: repoFileSchema.optional(),
  /** Colour of the browser's toolbar on phones, `#rrggbb`. Defaults to `accent`, else `#0b57c2`. */
  theme_color: hexColour.optional(),
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
