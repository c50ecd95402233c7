// Every link a page makes, relative to the mirror's own URL and base path, with the locale prefix.
import type { MirrorConfig } from '../model/schema/config.ts';

export function mirrorLocales(mirror: MirrorConfig): string[] {
  return mirror.locales ?? [mirror.locale];
}

// Every link on every page goes through these, tens of times per page, so the parts that depend only on the
// mirror are worked out once per mirror rather than by parsing its URL on each call.
const bases = new WeakMap<MirrorConfig, { path: string; origin: string }>();
function parts(mirror: MirrorConfig) {
  let b = bases.get(mirror);
  if (!b) {
    const url = new URL(mirror.url);
    bases.set(mirror, (b = { path: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`, origin: url.origin }));
  }
  return b;
}

/** The base path of a mirror (`/` or `/status/`), always ending in a slash. */
export function basePath(mirror: MirrorConfig): string {
  return parts(mirror).path;
}

/** The folder of a language within a mirror: `` for the mirror's main language (at its root), `fr/` for French. */
export function localeFolder(mirror: MirrorConfig, locale: string): string {
  return locale === mirror.locale ? '' : `${locale}/`;
}

/** Site-relative path of `route` (no leading slash, e.g. `incidents/x/`) in `locale` on `mirror`. */
export function pathFor(mirror: MirrorConfig, locale: string, route = ''): string {
  return `${basePath(mirror)}${localeFolder(mirror, locale)}${route}`;
}

/** The file a page at `route` (ending in `/`) is written to, relative to the mirror's output folder. */
export function pageFile(mirror: MirrorConfig, locale: string, route: string): string {
  return `${localeFolder(mirror, locale)}${route}index.html`;
}

/** File of an endpoint (a feed, a badge) at `path` under a language's root. */
export function endpointFile(mirror: MirrorConfig, locale: string, path: string): string {
  return `${localeFolder(mirror, locale)}${path}`;
}

/** Characters a path may hold that URL parsing leaves exactly as they are. */
const PLAIN_PATH = /^\/[A-Za-z0-9\-._~\/]*$/;

/** Absolute URL, for canonical links, hreflang and feeds. */
export function absoluteUrl(mirror: MirrorConfig, locale: string, route = ''): string {
  const path = pathFor(mirror, locale, route);
  // Routes are ids, locales and months, so joining is what the URL parser would produce; anything else goes through it.
  return PLAIN_PATH.test(path) && !/\/\.\.?(\/|$)/.test(path) ? `${parts(mirror).origin}${path}` : new URL(path, mirror.url).href;
}

/** Route params for a page in every locale the mirror serves: the default locale has no prefix. */
export function localeParams(mirror: MirrorConfig) {
  return mirrorLocales(mirror).map((locale) => ({ params: { locale: locale === mirror.locale ? undefined : locale }, locale }));
}

/** A mirror's display name: its configured name, or its host. */
export function mirrorHost(mirror: MirrorConfig): string {
  return new URL(mirror.url).host;
}

export interface Alternate {
  hreflang: string;
  href: string;
}

/**
 * hreflang links for `route` across every mirror and language. A language served by several mirrors is
 * announced once, by the first mirror in the config that serves it: hreflang values must be unique, and every
 * mirror must announce the same set so the links are reciprocal.
 */
export function alternates(mirrors: MirrorConfig[], route: string): Alternate[] {
  const seen = new Set<string>();
  const result: Alternate[] = [];
  for (const m of mirrors) {
    for (const locale of mirrorLocales(m)) {
      if (seen.has(locale)) continue;
      seen.add(locale);
      result.push({ hreflang: locale, href: absoluteUrl(m, locale, route) });
    }
  }
  const primary = mirrors[0]!;
  result.push({ hreflang: 'x-default', href: absoluteUrl(primary, primary.locale, route) });
  return result;
}
