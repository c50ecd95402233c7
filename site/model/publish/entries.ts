// One feed entry per incident or maintenance, shared by RSS and Atom: the updates newest first, each with
// its status and time, in the reader's language and the mirror's time zone.
import { firstMatching } from '../first-matching.ts';
import { t } from '../../i18n/index.ts';
import { formatter } from '../format.ts';
import { componentName } from '../component-name.ts';
import { escapeHtml } from '../html.ts';
import { renderMarkdown } from '../markdown.ts';
import { timesAsHtml } from '../time-tokens.ts';
import type { MirrorConfig } from '../schema/config.ts';
import type { Announcement, Incident, Site } from '../site.ts';
import { affects, timeline } from '../timeline.ts';
import { prose } from '../translate.ts';

/**
 * Feed libraries wrap HTML in CDATA sections and split only the first "]]>" in it (the second ends the section
 * and breaks the feed). In HTML text and attribute values "]]&gt;" means the same, and no CDATA section ends there.
 */
export const cdataSafe = (html: string) => html.replaceAll(']]>', ']]&gt;');

/** Entries per feed: enough for any reader to catch up, small enough to fetch often. */
export const FEED_LIMIT = 50;

export interface FeedEntry {
  /** Absolute URL of the incident page: the entry's stable id and link. */
  url: string;
  title: string;
  published: Date;
  /** Time of the latest update: readers see the entry change when one is posted. */
  updated: Date;
  /** Safe HTML (from the one sanitising pipeline); feed libraries escape it into the XML. */
  html: string;
}

export interface FeedOptions {
  site: Site;
  mirror: MirrorConfig;
  locale: string;
  now: Date;
  incidentUrl: (incident: Incident) => string;
  /** Only incidents affecting this component. */
  componentId?: string;
  /** Where an announcement is read; announcements join the site-wide feeds when it is given. */
  announcementUrl?: (announcement: Announcement) => string;
}

/**
 * Everything posted by `now`, latest update first: the order of every feed of a build (one per language and
 * component, in RSS and Atom), so it is sorted once per site and moment rather than for each of them.
 */
const ordered = new WeakMap<Site, { now: number; incidents: Incident[] }>();
function byLatestUpdate(site: Site, now: Date): Incident[] {
  const cached = ordered.get(site);
  if (cached?.now === now.getTime()) return cached.incidents;
  const incidents = site.incidents
    .filter((i) => i.updates[0]!.at <= now)
    .sort((a, b) => b.updates.at(-1)!.at.getTime() - a.updates.at(-1)!.at.getTime());
  ordered.set(site, { now: now.getTime(), incidents });
  return incidents;
}

/** What one feed lists as of `now`, before any of it is written out. */
export interface FeedSources {
  /** Latest update first, at most FEED_LIMIT. */
  incidents: Incident[];
  /** Published by `now`; site-wide feeds only. The feed keeps the newest FEED_LIMIT of both together. */
  announcements: Announcement[];
}

/**
 * The incidents and announcements a feed is made from. The feeds and the keys that let a build keep an unchanged
 * feed (site/lib/reuse.ts) both read them here, so a key covers exactly what its feed shows.
 */
export function feedSources(site: Site, now: Date, componentId: string | undefined, withAnnouncements: boolean): FeedSources {
  const incidents = firstMatching(byLatestUpdate(site, now), FEED_LIMIT, (i) => !componentId || affects(i, componentId));
  const announcements = componentId || !withAnnouncements ? [] : site.announcements.filter((a) => a.published <= now);
  return { incidents, announcements };
}

export function feedEntries(options: FeedOptions): FeedEntry[] {
  const { site, now, componentId, announcementUrl } = options;
  const sources = feedSources(site, now, componentId, announcementUrl !== undefined);
  const incidents = incidentEntries(options, sources.incidents);
  if (!announcementUrl || !sources.announcements.length) return incidents;
  const announcements = sources.announcements.map((a) => ({ url: announcementUrl(a), title: a.title, published: a.published, updated: a.published, html: renderMarkdown(a.body) }));
  return [...incidents, ...announcements].sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, FEED_LIMIT);
}

function incidentEntries({ site, mirror, locale, now, incidentUrl }: FeedOptions, listed: Incident[]): FeedEntry[] {
  const fmt = formatter(locale, mirror.time_zone);
  const source = site.config.locale;
  const name = (id: string) => componentName(site, locale, id);
  return listed
    .map((incident) => remembered(incident, `${locale}\0${mirror.time_zone}\0${now.getTime()}\0${incidentUrl(incident)}`, () => {
      const tl = timeline(incident, site.config, now);
      const title = prose({ body: '', title: incident.title }, incident.translations, locale, source).title!;
      const facts = `<p>${escapeHtml(`${t(locale, `kind.${incident.kind}`)} · ${t(locale, 'format.pair', { label: t(locale, 'incident.affects'), value: fmt.names(tl.components.map(name)) })}`)}</p>`;
      const updates = [...incident.updates].reverse().map((u) => {
        const text = prose({ body: u.body }, u.translations, locale, source);
        const heading = `${t(locale, `status.${u.status}`)} · ${fmt.dateTime(u.at)}`;
        const next = u.nextUpdate ? `<p>${escapeHtml(t(locale, 'incident.nextUpdate', { time: fmt.time(u.nextUpdate, u.at) }))}</p>` : '';
        const lang = text.lang === locale ? '' : ` lang="${text.lang}"`;
        return `<h3>${escapeHtml(heading)}</h3><div${lang}>${timesAsHtml(renderMarkdown(text.body), fmt, u.at)}</div>${next}`;
      });
      return { url: incidentUrl(incident), title, published: tl.acknowledgedAt, updated: tl.latest.at, html: cdataSafe(facts + updates.join('')) };
    }));
}

/**
 * An incident's entry, made once per language, zone, moment and address: the site-wide feed and each of its
 * components' feeds carry the same entry, and rendering its updates' Markdown again for each was most of the
 * time a build spent on feeds (profiled: 1.0 of 1.5 s of Atom feeds in one mirror's thread).
 */
const entryCache = new WeakMap<Incident, Map<string, FeedEntry>>();
function remembered(incident: Incident, key: string, make: () => FeedEntry): FeedEntry {
  let entries = entryCache.get(incident);
  if (!entries) entryCache.set(incident, (entries = new Map()));
  let entry = entries.get(key);
  if (!entry) entries.set(key, (entry = make()));
  return entry;
}
