// The site as one build sees it, read once and shared by every page: from the content collections
// (content.config.ts) under `astro dev`, `candor preview` and `astro build`; from the snapshot `candor build` made.
import { readFile } from 'node:fs/promises';
import { getCollection, getEntry } from 'astro:content';
import options from 'virtual:candor/options';
import { formatter, localize, type Formatter } from '../model/format.ts';
import { siteMoment } from '../model/example-clock.ts';
import type { LocalizedText } from '../model/schema/common.ts';
import type { MirrorConfig } from '../model/schema/config.ts';
import type { Site } from '../model/site.ts';
import { deserializeSite } from '../model/snapshot.ts';
import { formatErrors, type ContentError } from '../model/errors.ts';
import type { ProblemsEntry, SiteEntry } from '../astro/loader.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { absoluteUrl, pageFile, pathFor } from './urls.ts';

const DEFAULT_IMPACT_KEYS = { none: 'impact.none', minor: 'impact.minor', major: 'impact.major', critical: 'impact.critical' } as const;

async function load(): Promise<{ site: Site; problems: ContentError[] }> {
  // Measured (docs: benchmarks, "The content layer"): at 1,000 incidents, passing the whole site through Astro's
  // content store cost `candor build` about half as much time again as reading the snapshot it already wrote, so
  // the builds that have one read it here; everything else goes through the collections.
  if (options.snapshot) return { site: deserializeSite(await readFile(options.snapshot)), problems: [] };
  const settings = (await getEntry('site', 'site'))?.data as SiteEntry | undefined;
  const { problems = [] } = ((await getEntry('site', 'problems'))?.data ?? {}) as Partial<ProblemsEntry>;
  // The loader stops a build on invalid content; only a dev server that never saw valid content gets here.
  if (!settings) throw new Error(`the content has never loaded without problems:\n${formatErrors(problems)}`);
  const byStart = (a: { started: Date; id: string }, b: { started: Date; id: string }) => b.started.getTime() - a.started.getTime() || a.id.localeCompare(b.id);
  const { counts, ...rest } = settings;
  const incidents = counts.incidents ? (await getCollection('incidents')).map((e) => e.data).sort(byStart) : [];
  const announcements = counts.announcements ? (await getCollection('announcements')).map((e) => e.data).sort((a, b) => b.published.getTime() - a.published.getTime() || a.id.localeCompare(b.id)) : [];
  return { site: { ...rest, incidents, announcements }, problems };
}

const loaded = await load();
export const site: Site = loaded.site;
/** Content problems a dev server shows on every page (never set in a build, which stops on them instead). */
export const problems: ContentError[] = loaded.problems;
/** The moment every page describes: the build's, or the example's clock on the example. */
export const now = siteMoment(site.config, options.now ? new Date(options.now) : new Date());
export const mirror: MirrorConfig = site.config.mirrors.find((m) => m.id === options.mirror) ?? site.config.mirrors[0]!;

/** Pages the previous output has unchanged (lib/reuse.ts): the build script links them in instead. */
const reused = new Set<string>(options.skip ?? []);

/** Whether the page at `route` in `locale` must be rendered, for getStaticPaths of the pages that can be reused. */
export function mustRender(locale: string, route: string): boolean {
  return !reused.has(pageFile(mirror, locale, route));
}

/** Everything a page needs to speak one language. */
export interface Lang {
  locale: string;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  fmt: Formatter;
  text: (value: LocalizedText | undefined) => string;
  /** Name of an impact level: the config's, else the translated default for minor/major/critical, else its id. */
  impact: (id: string) => string;
  /** Site-relative link to a route in this language. */
  href: (route?: string) => string;
  /** Absolute URL of a route in this language. */
  abs: (route?: string) => string;
}

const langs = new Map<string, Lang>();

/** The language helpers for `locale`, made once per language: every page in it shares them. */
export function lang(locale: string): Lang {
  let l = langs.get(locale);
  if (!l) langs.set(locale, (l = makeLang(locale)));
  return l;
}

function makeLang(locale: string): Lang {
  // Most strings have no parameters (headings, labels, the navigation) and appear on every page: format them once.
  const plain = new Map<MessageKey, string>();
  return {
    locale,
    t: (key, params) => {
      if (params) return t(locale, key, params);
      let text = plain.get(key);
      if (text === undefined) plain.set(key, (text = t(locale, key)));
      return text;
    },
    fmt: formatter(locale, mirror.time_zone),
    text: (value) => (value === undefined ? '' : localize(value, locale, site.config.locale)),
    impact: (id) => {
      const name = site.config.impacts[id]?.name;
      if (name) return localize(name, locale, site.config.locale);
      return id in DEFAULT_IMPACT_KEYS ? t(locale, DEFAULT_IMPACT_KEYS[id as keyof typeof DEFAULT_IMPACT_KEYS]) : id;
    },
    href: (route) => pathFor(mirror, locale, route),
    abs: (route) => absoluteUrl(mirror, locale, route),
  };
}
