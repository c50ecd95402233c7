// The site as the pages of one run see it, read once and shared by every page: from the run their host handed over
// (astro/options.ts) — a render worker of `candor build`, or the dev server — always as the model's snapshot, so
// the pages read content one way whoever renders them.
import run from 'virtual:candor/options';
import { formatter, localize, type Formatter } from '../model/format.ts';
import { siteMoment } from '../model/example-clock.ts';
import type { LocalizedText } from '../model/schema/common.ts';
import type { MirrorConfig } from '../model/schema/config.ts';
import type { Site } from '../model/site.ts';
import { deserializeSnapshot } from '../model/snapshot.ts';
import { primeMarkdown } from '../model/markdown.ts';
import { formatErrors, type ContentError } from '../model/errors.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { absoluteUrl, pathFor } from './urls.ts';

const DEFAULT_IMPACT_KEYS = { none: 'impact.none', minor: 'impact.minor', major: 'impact.major', critical: 'impact.critical' } as const;

if (!run) throw new Error('no Candor run was handed to the pages: render them through candor build, candor preview or the Candor integration');
// Only a dev server that never saw valid content gets here without a site: a build stops on problems first.
if (!run.snapshot.byteLength) throw new Error(`the content has never loaded without problems:\n${formatErrors(run.problems)}`);

const snapshot = deserializeSnapshot(run.snapshot);
export const site: Site = snapshot.site;
// The bodies the build (or dev server) already rendered: pages find them instead of parsing them again.
primeMarkdown(snapshot.prose);
/** Content problems a dev server shows on every page (never set in a build, which stops on them instead). */
export const problems: ContentError[] = run.problems;
/** The moment every page describes: the build's, or the example's clock on the example. */
export const now = siteMoment(site.config, new Date(run.now));
const mirrorOf = (id: string | undefined): MirrorConfig => site.config.mirrors.find((m) => m.id === id) ?? site.config.mirrors[0]!;
/**
 * The mirror the pages render now. A render thread of `candor build` renders every mirror in turn (loading the app,
 * the site and warming up the code once, not once per mirror), so this binding changes between mirrors: read it
 * when rendering, never copy it at module level, and keep what is made from it in `perMirror` values.
 */
export let mirror: MirrorConfig = mirrorOf(run.mirror);

const forgets: (() => void)[] = [];
/** A value made at first use and kept until the thread turns to another mirror. */
export function perMirror<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  forgets.push(() => ((value = undefined), (made = false)));
  return () => (made ? value! : ((made = true), (value = make())));
}
/** A cache emptied whenever the thread turns to another mirror. */
export function perMirrorMap<K, V>(): Map<K, V> {
  const map = new Map<K, V>();
  forgets.push(() => map.clear());
  return map;
}

/** A function of one key, each result made at first use and kept until the thread turns to another mirror. */
export function perMirrorBy<K, V>(make: (key: K) => V): (key: K) => V {
  const made = perMirrorMap<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

/** Turns the pages to another mirror of the same site and moment, forgetting everything made for the previous one. */
export function renderFor(id: string): void {
  if (!site.config.mirrors.some((m) => m.id === id)) throw new Error(`no mirror "${id}" in this site`);
  // A thread that takes two shares of one mirror in a row keeps what it made for the first.
  if (mirror.id === id) return;
  mirror = mirrorOf(id);
  for (const forget of forgets) forget();
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

const langs = perMirrorMap<string, Lang>();

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
