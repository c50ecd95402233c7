// Candor's content collections: every page reads incidents, announcements and the site's settings through Astro's
// content layer. The Candor loader (astro/loader.ts) fills them from the pure model; the options of this run
// (content root, mirror, clock, snapshot) come from the Candor integration (astro/integration.ts).
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import options from 'virtual:candor/options';
import { candorLoader, type ProblemsEntry, type SiteEntry } from './astro/loader.ts';
import type { Announcement, Incident } from './model/site.ts';

// The loader stores what the model already validated: these schemas give the entries their types, and are not
// run again on every entry (the model's own schemas did that, with file and line in every error).
export const collections = {
  incidents: defineCollection({ loader: candorLoader('incidents', options), schema: z.custom<Incident>() }),
  announcements: defineCollection({ loader: candorLoader('announcements', options), schema: z.custom<Announcement>() }),
  site: defineCollection({ loader: candorLoader('site', options), schema: z.custom<SiteEntry | ProblemsEntry>() }),
};
