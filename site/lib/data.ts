// The site as one build sees it: loaded and derived once, shared by every page of the build.
import { readFile } from 'node:fs/promises';
import { formatErrors } from '../model/errors.ts';
import { formatter, localize, type Formatter } from '../model/format.ts';
import { siteMoment } from '../model/example-clock.ts';
import { loadSite } from '../model/load/index.ts';
import type { LocalizedText } from '../model/schema/common.ts';
import type { MirrorConfig } from '../model/schema/config.ts';
import type { Site } from '../model/site.ts';
import { deserializeSite } from '../model/snapshot.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { readBuildEnv } from './build-env.ts';
import { absoluteUrl, pageFile, pathFor } from './urls.ts';

const DEFAULT_IMPACT_KEYS = { none: 'impact.none', minor: 'impact.minor', major: 'impact.major', critical: 'impact.critical' } as const;

const env = readBuildEnv();

async function load(): Promise<Site> {
  // `candor build` loaded and validated the content already and left it in a snapshot; `astro dev` reads the files.
  if (env.snapshot) return deserializeSite(await readFile(env.snapshot));
  const loaded = await loadSite(env.root, { now: env.now });
  // The build script validates content before Astro runs, so reaching this is a programming error, not a user's.
  if (!loaded.ok) throw new Error(formatErrors(loaded.errors));
  return loaded.value;
}

export const site: Site = await load();
/** The moment every page describes: the build's, or the example's clock under `astro dev` on the example. */
export const now = siteMoment(site.config, env.now);
export const mirror: MirrorConfig = site.config.mirrors.find((m) => m.id === env.mirror) ?? site.config.mirrors[0]!;

/** Pages the previous output has unchanged (lib/reuse.ts): the build script links them in instead. */
const reused = new Set<string>(env.skip ? (JSON.parse(await readFile(env.skip, 'utf8')) as string[]) : []);

/** Whether the page at `route` in `locale` must be rendered, for getStaticPaths of the pages that can be reused. */
export function mustRender(locale: string, route: string): boolean {
  return !reused.has(pageFile(mirror, locale, route));
}

/**
 * Fault injection for the tests of failed builds: with CANDOR_FAULT_MIRROR set to this mirror's id, rendering
 * breaks at its first incident page, after other pages have been written, as a crashing renderer would.
 */
export function faultPoint(route: string): void {
  if (process.env.CANDOR_FAULT_MIRROR === mirror.id && route.startsWith('incidents/')) throw new Error(`fault injected while rendering ${route}`);
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
