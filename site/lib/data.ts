// The site as one build sees it: loaded and derived once, shared by every page of the build.
import { formatErrors } from '../model/errors.ts';
import { formatter, localize, type Formatter } from '../model/format.ts';
import { loadSite } from '../model/load/index.ts';
import type { LocalizedText } from '../model/schema/common.ts';
import type { MirrorConfig } from '../model/schema/config.ts';
import type { Site } from '../model/site.ts';
import { t, type MessageKey } from '../i18n/index.ts';

const DEFAULT_IMPACT_KEYS = { minor: 'impact.minor', major: 'impact.major', critical: 'impact.critical' } as const;
import { readBuildEnv } from './build-env.ts';
import { absoluteUrl, pathFor } from './urls.ts';

const env = readBuildEnv();
const loaded = await loadSite(env.root, { now: env.now });
// The build script validates content before Astro runs, so reaching this is a programming error, not a user's.
if (!loaded.ok) throw new Error(formatErrors(loaded.errors));

export const site: Site = loaded.value;
export const now = env.now;
export const mirror: MirrorConfig = site.config.mirrors.find((m) => m.id === env.mirror) ?? site.config.mirrors[0]!;

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

export function lang(locale: string): Lang {
  return {
    locale,
    t: (key, params) => t(locale, key, params),
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
