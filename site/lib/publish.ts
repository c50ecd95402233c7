// Feeds, calendar, badges and the API for this build's mirror: thin wrappers over the model.
import rss from '@astrojs/rss';
import { makeBadge } from 'badge-maker';
import { Feed } from 'feed';
import { announcementRoute } from '../model/announcements.ts';
import { localize } from '../model/format.ts';
import { componentName } from '../model/component-name.ts';
import { badgeFacts, badgeOf, shieldsEndpoint, uptimeBadgeOf, type BadgeContent } from '../model/publish/badge.ts';
import { maintenanceCalendar } from '../model/publish/calendar.ts';
import { withAtomLanguage } from '../model/publish/atom-language.ts';
import { cdataSafe, feedEntries } from '../model/publish/entries.ts';
import { escapeHtml } from '../model/html.ts';
import type { Announcement, Incident } from '../model/site.ts';
import { statuspageDocuments } from '../model/statuspage/documents.ts';
import { t } from '../i18n/index.ts';
import { lang, mirror, now, perMirror, perMirrorMap, site } from './data.ts';
import { absoluteUrl } from './urls.ts';
import { components, current } from './view.ts';

// Feed readers that support WebSub subscribe at the hub `candor notify` pings (docs: notifications, WebSub).
const hub = site.config.notifications.websub_hub;
const incidentUrl = (locale: string) => (i: Incident) => absoluteUrl(mirror, locale, `incidents/${i.id}/`);
const siteName = (locale: string) => localize(site.config.name, locale, site.config.locale);

// RSS and Atom of a feed carry the same entries: made once for both.
const entriesCache = perMirrorMap<string, ReturnType<typeof feedEntries>>();
function entriesFor(locale: string, componentId?: string) {
  const key = `${locale}|${componentId ?? ''}`;
  let entries = entriesCache.get(key);
  const announcementUrl = (a: Announcement) => absoluteUrl(mirror, locale, announcementRoute(a));
  if (!entries) entriesCache.set(key, (entries = feedEntries({ site, mirror, locale, now, incidentUrl: incidentUrl(locale), componentId, announcementUrl })));
  return entries;
}

function feedMeta(locale: string, componentId?: string) {
  const name = siteName(locale);
  const route = componentId ? `components/${componentId}/` : '';
  return {
    title: componentId ? t(locale, 'feed.componentTitle', { name, component: componentName(site, locale, componentId) }) : t(locale, 'feed.title', { name }),
    description: t(locale, 'feed.description', { name }),
    home: absoluteUrl(mirror, locale, route),
    self: (kind: 'rss' | 'atom') => absoluteUrl(mirror, locale, `${route}${kind}.xml`),
    entries: entriesFor(locale, componentId),
  };
}

export async function rssFeed(locale: string, componentId?: string): Promise<Response> {
  const m = feedMeta(locale, componentId);
  const response = await rss({
    title: m.title,
    description: m.description,
    site: m.home,
    items: m.entries.map((e) => ({ title: e.title, link: e.url, pubDate: e.updated, description: e.html })),
    customData: `<language>${locale}</language><lastBuildDate>${(m.entries[0]?.updated ?? now).toUTCString()}</lastBuildDate><atom:link href="${m.self('rss')}" rel="self" type="application/rss+xml"/>${hub ? `<atom:link href="${escapeHtml(hub)}" rel="hub"/>` : ''}`,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
  });
  return new Response(await response.text(), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}

export function atomFeed(locale: string, componentId?: string): Response {
  const m = feedMeta(locale, componentId);
  const feed = new Feed({
    id: m.self('atom'),
    title: m.title,
    description: m.description,
    link: m.home,
    language: locale,
    // The newest update, not the build time: an unchanged history yields an identical feed.
    updated: m.entries[0]?.updated ?? now,
    feedLinks: { atom: m.self('atom') },
    ...(hub ? { hub } : {}),
    author: { name: siteName(locale), link: absoluteUrl(mirror, locale) },
    copyright: siteName(locale),
  });
  // Atom entry titles are written as type="html": the text is escaped so a title reads as the author typed it.
  for (const e of m.entries) feed.addItem({ id: e.url, link: e.url, title: cdataSafe(escapeHtml(e.title)), date: e.updated, published: e.published, content: e.html });
  return new Response(withAtomLanguage(feed.atom1(), locale), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

export function calendar(locale: string): Response {
  return new Response(maintenanceCalendar(site, mirror, locale, now, incidentUrl(locale)), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}

/** What this mirror's badges are made from, with the states its pages show (model/publish/badge.ts). */
const badges = perMirror(() => badgeFacts(site, now, mirror.regions, { components: components(), indicator: current().indicator }));

export function badge(locale: string, format: 'svg' | 'json', componentId?: string): Response {
  return badgeResponse(badgeOf(badges(), locale, componentId), format);
}

/** A component's uptime over `uptime.days`, declared or measured as `uptime.source` says. */
export function uptimeBadge(locale: string, format: 'svg' | 'json', componentId: string): Response {
  return badgeResponse(uptimeBadgeOf(badges(), locale, componentId), format);
}

function badgeResponse(content: BadgeContent, format: 'svg' | 'json'): Response {
  if (format === 'json') return Response.json(shieldsEndpoint(content));
  return new Response(makeBadge(content), { headers: { 'Content-Type': 'image/svg+xml' } });
}

export const apiDocuments = perMirror(() => statuspageDocuments({ site, mirror, now, incidentUrl: incidentUrl(mirror.locale) }));

/**
 * Strings the widget shows, in one language. Its links are relative to the script's own URL, so it talks
 * to whichever mirror served it: `widget.js` sits at the language's root, the API at the mirror's.
 */
export function widgetStrings(locale: string) {
  const l = lang(locale);
  const up = locale === mirror.locale ? '' : '../';
  return {
    page: './',
    api: `${up}api/v2/status.json`,
    lang: locale,
    link: l.t('widget.link'),
    text: Object.fromEntries((['minor', 'major', 'critical', 'maintenance'] as const).map((i) => [i, l.t(`overall.${i}`)])),
  };
}
