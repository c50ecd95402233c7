// WebSub: after the feeds changed, tell the team's hub which feed URLs to fetch again, so subscribed readers
// get the update in seconds instead of at their next poll (https://www.w3.org/TR/websub/#publishing; the
// publish ping itself is the convention hubs such as pubsubhubbub.appspot.com and Superfeedr accept).
import type { MirrorConfig } from '../../site/model/schema/config.ts';
import { absoluteUrl, mirrorLocales } from '../../site/lib/urls.ts';

/** Every feed a mirror serves that an update can change: RSS and Atom per language, and per affected component. */
export function feedUrls(mirror: MirrorConfig, components: string[]): string[] {
  return mirrorLocales(mirror).flatMap((locale) =>
    ['', ...components.map((c) => `components/${c}/`)].flatMap((route) => [absoluteUrl(mirror, locale, `${route}rss.xml`), absoluteUrl(mirror, locale, `${route}atom.xml`)]),
  );
}

export function publishPing(feed: string): string {
  return new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feed }).toString();
}
