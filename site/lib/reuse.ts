// Which pages a build may take unchanged from the previous output, and the key that proves it.
//
// Most of a large site is the past: an incident page, its postmortem and a past month's history page change
// only when their incident changes. A key per page hashes everything the page is rendered from; when it equals
// the key recorded for the previous output, the page is not rendered again but linked from there (see
// scripts/lib/reuse.ts). Feeds are kept the same way: the newest fifty entries change far less often than a build
// runs. So are the list of postmortems and the maintenance calendar, which change only with what they list, and the
// badges and the widget, which show no moment. Every other page (home, components, regions, maintenance,
// `history/`, API) shows the moment of the build or the state at that moment, and is always rendered.
//
// What a key covers, and must keep covering when these pages change:
// - the code: every file under site/, the Astro config, the locked dependencies and Node's ICU and zone data
//   (passed in as `code`);
// - the config (names, regions, impacts, mirrors: the header and footer list them), the brand derived from it (the
//   logo's box comes from its file), the mirror and the language;
// - incident and postmortem pages: the incident, all of it (updates, translations, postmortem), the moment of the
//   build while it is open (it shows "ongoing for" and when the next update is due), and once closed its status
//   and whether a postmortem is still promised at that moment;
// - month pages (the current month's too): the incidents of that month in their order, and the list of months
//   with their counts (every month page links to every month; a new month changes that list).
// - feeds (RSS and Atom, site-wide and per component): the incidents and announcements the feed lists at that
//   moment (model/publish/entries.ts feedSources, the function the feeds themselves read), all of each; a feed
//   with no entry dates itself by the build, so its key holds the moment.
// - the postmortems page: the incidents it lists (model/postmortem-list.ts), all of each, in its order; it is
//   stable (dated by its newest postmortem) only when it lists one, and keyed only then.
// - the maintenance calendar: every window, all of it, and how far its clock had moved it at that moment
//   (model/timeline.ts clockMoment): a window starting or ending changes its event without any file changing.
// - badges (the page's, each component's state and uptime, in SVG and JSON): what the badge says, made by the
//   functions the badge routes render from (model/publish/badge.ts); an uptime badge's figure is measured or
//   declared as the config says, so measurements reach its key through it. Each update re-rendered 35 badges per
//   language at 1,000 incidents, nearly always the same bytes.
// - the widget (`widget.js`) and the default tab icon: only the code, the config and the brand, in `common`.
// - measurements (monitoring/*.json): no other reusable page shows them. Component pages, which do, are always
//   rendered; a page kept here that starts to show measured data must add them to its key.
// These pages state no build time (layouts/Base.astro `stable`), so a page kept from an earlier build is byte for
// byte the page a full build would write now: the tests compare the two after every kind of change.
import { createHash } from 'node:crypto';
import { historyMonths, incidentsByMonth } from '../model/history.ts';
import type { MirrorConfig } from '../model/schema/config.ts';
import type { Site } from '../model/site.ts';
import { clockMoment, statusAt } from '../model/timeline.ts';
import { incidentDigest } from '../model/incident-digest.ts';
import { publishedPostmortems } from '../model/postmortem-list.ts';
import { postmortemPromised } from '../model/postmortem-due.ts';
import { feedSources } from '../model/publish/entries.ts';
import { badgeFacts, badgeOf, uptimeBadgeOf, type BadgeContent } from '../model/publish/badge.ts';
import { endpointFile, mirrorLocales, pageFile } from './urls.ts';

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('base64url');

/** Key of every page that may be reused, by the file it is written to. */
export function reusablePages(site: Site, mirror: MirrorConfig, now: Date, code: string): Map<string, string> {
  const keys = new Map<string, string>();
  const byMonth = incidentsByMonth(site.incidents);
  const months = historyMonths(site.incidents, now);
  // Each feed's entries by digest; the same in every language (site-wide first, then each component's).
  const feeds = [undefined, ...site.config.components.map((c) => c.id)].map((componentId) => {
    const s = feedSources(site, now, componentId, true);
    return [componentId, [...s.incidents.map(incidentDigest), ...s.announcements.map((a) => hash(JSON.stringify(a)))]] as const;
  });
  const postmortems = publishedPostmortems(site).map(incidentDigest);
  const windows = site.incidents.filter((i) => i.kind === 'maintenance').map((i) => `${incidentDigest(i)}:${clockMoment(i, site.config, now)}`);
  const monthIndex = hash(JSON.stringify(months.map((m) => [m, byMonth.get(m)?.length ?? 0])));
  // What an incident's pages are made from, the same in every language: hashed once per incident, not once per
  // incident and language (25,000 hashes for the five-language mirror at 5,000 incidents). A page's key is the
  // language's hash and the incident's, joined.
  const incidentParts = site.incidents.map((incident) => {
    // Everything on the page the clock can change without any file changing: while open, nearly all of it (how
    // long, when the next update is due); once closed, its derived status (maintenance is completed by the
    // clock) and whether a postmortem is still promised (only until it is due).
    const tl = statusAt(incident, site.config, now);
    const moment = tl.open ? now.toISOString() : `${tl.status}:${postmortemPromised(incident, site.config, now)}`;
    return { incident, page: hash('incident', incidentDigest(incident), moment), postmortem: incident.postmortem && hash('postmortem', incidentDigest(incident)) };
  });
  const badges = badgeFacts(site, now, mirror.regions);
  // The default tab icon (pages/favicon.svg.ts), once per mirror: drawn from the brand, which the config makes.
  keys.set('favicon.svg', hash(code, JSON.stringify(site.config), JSON.stringify(site.brand), 'favicon'));
  for (const locale of mirrorLocales(mirror)) {
    const common = hash(code, JSON.stringify(site.config), JSON.stringify(site.brand), mirror.id, locale);
    const says = (route: string, content: BadgeContent) => {
      for (const kind of ['svg', 'json']) keys.set(endpointFile(mirror, locale, `${route}.${kind}`), hash(common, route, kind, JSON.stringify(content)));
    };
    says('badge', badgeOf(badges, locale));
    for (const { id } of site.config.components) {
      says(`components/${id}/badge`, badgeOf(badges, locale, id));
      says(`components/${id}/uptime`, uptimeBadgeOf(badges, locale, id));
    }
    keys.set(endpointFile(mirror, locale, 'widget.js'), hash(common, 'widget'));
    for (const { incident, page, postmortem } of incidentParts) {
      keys.set(pageFile(mirror, locale, `incidents/${incident.id}/`), `${common}.${page}`);
      if (postmortem) keys.set(pageFile(mirror, locale, `incidents/${incident.id}/postmortem/`), `${common}.${postmortem}`);
    }
    for (const [componentId, listed] of feeds) {
      const key = hash(common, 'feed', componentId ?? '', ...(listed.length ? listed : [now.toISOString()]));
      const dir = componentId ? `components/${componentId}/` : '';
      for (const kind of ['rss', 'atom']) keys.set(endpointFile(mirror, locale, `${dir}${kind}.xml`), hash(key, kind));
    }
    if (postmortems.length) keys.set(pageFile(mirror, locale, 'postmortems/'), hash(common, 'postmortems', ...postmortems));
    keys.set(endpointFile(mirror, locale, 'maintenance.ics'), hash(common, 'calendar', ...windows));
    for (const month of months) {
      // A month's lines show each incident's status, which the clock can change without any file changing.
      const listed = (byMonth.get(month) ?? []).map((i) => `${incidentDigest(i)}:${statusAt(i, site.config, now).status}`);
      keys.set(pageFile(mirror, locale, `history/${month}/`), hash(common, 'month', month, monthIndex, ...listed));
    }
  }
  return keys;
}
