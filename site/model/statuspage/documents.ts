// What /api/v2/ serves for one mirror, built from the same derived state as the pages.
import { formatter, localize, type Formatter } from '../format.ts';
import { escapeHtml } from '../html.ts';
import { markdownToText } from '../markdown.ts';
import { timesAsText } from '../time-tokens.ts';
import { stableId } from '../ids.ts';
import type { MirrorConfig } from '../schema/config.ts';
import type { Incident, Site } from '../site.ts';
import { componentStates, overall } from '../status.ts';
import { worstState, type ComponentStateName, type OverallIndicator } from '../states.ts';
import { affectedComponents, isOpen, statusAt, timeline } from '../timeline.ts';
import { prose } from '../translate.ts';
import type { DocumentPath, StatuspageComponent, StatuspageIncident, StatuspageMaintenance, StatuspageUpdate } from './schemas.ts';

/**
 * An update's `body`: what it says as plain text (Markdown marks and raw HTML dropped, links as "text (url)"), with
 * `&`, `<`, `>` and `"` written as HTML entities. Statuspage's own bodies are inserted as HTML by many widgets, so
 * this one is safe there, and reads as the update's words anywhere else once the four entities are decoded.
 * Its {time:…} moments are written in after the text is made, in the mirror's zone, as the pages do after rendering:
 * the text then comes from the table of bodies rendered once per build (model/prose.ts), not parsed per zone.
 */
export const apiBody = (markdown: string, fmt: Formatter, at: Date) => escapeHtml(timesAsText(markdownToText(markdown), fmt, at));

/** How many incidents and maintenances the list documents carry, as Statuspage does. */
export const API_LIST_LIMIT = 50;

/** Statuspage's own words for each indicator. */
export const STATUS_DESCRIPTIONS = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
  maintenance: 'Service Under Maintenance',
} as const satisfies Record<OverallIndicator, string>;

export interface ApiContext {
  site: Site;
  mirror: MirrorConfig;
  now: Date;
  /** Absolute URL of an incident on this mirror. */
  incidentUrl: (incident: Incident) => string;
  /** Language of names and update bodies; the mirror's own by default (the API serves that one). */
  locale?: string;
}

/** The page, its components and the incident objects, as Statuspage shapes them; shared by the API and webhooks. */
function statuspageObjects(ctx: ApiContext) {
  const { site, mirror, now } = ctx;
  const locale = ctx.locale ?? mirror.locale;
  const fmt = formatter(locale, mirror.time_zone);
  const text = (v: Parameters<typeof localize>[0]) => localize(v, locale, site.config.locale);
  const pageId = stableId('page', text(site.config.name));
  const latestChange = site.incidents.flatMap((i) => i.updates.map((u) => u.at.getTime())).reduce((a, b) => Math.max(a, b), 0);
  const firstChange = site.incidents.reduce((a, i) => Math.min(a, i.started.getTime()), latestChange || now.getTime());
  const iso = (ms: number) => new Date(ms).toISOString();
  const page = { id: pageId, name: text(site.config.name), url: mirror.url, time_zone: mirror.time_zone, updated_at: iso(latestChange || now.getTime()) };

  const componentApiId = (id: string) => site.config.components.find((c) => c.id === id)?.source_id ?? stableId('component', id);
  const groupApiId = (id: string) => site.config.groups.find((g) => g.id === id)?.source_id ?? stableId('group', id);
  const states = componentStates(site, now);
  // The latest update of any incident that touched each component, in one pass over the history (once per
  // component, it read every incident's components ten times over: a third of the API's time at 1,000 incidents).
  const lastTouched = new Map<string, number>();
  for (const incident of site.incidents) {
    if (!incident.updates.length) continue;
    const last = incident.updates.reduce((a, u) => Math.max(a, u.at.getTime()), -Infinity);
    for (const c of affectedComponents(incident)) lastTouched.set(c, Math.max(lastTouched.get(c) ?? -Infinity, last));
  }
  const componentObjects = new Map<string, StatuspageComponent>();
  const created = (since: string | undefined) => (since ? `${since}T00:00:00.000Z` : iso(firstChange));
  const listed = site.config.groups.filter((g) => site.config.components.some((c) => c.group === g.id));
  const topLevel = [...site.config.components.filter((c) => !c.group).map((c) => c.id), ...listed.map((g) => `group:${g.id}`)];
  for (const c of site.config.components) {
    const siblings = site.config.components.filter((x) => x.group === c.group);
    const touched = lastTouched.get(c.id);
    componentObjects.set(c.id, {
      id: componentApiId(c.id),
      name: text(c.name),
      status: states.get(c.id)!.state,
      created_at: created(c.since),
      updated_at: touched === undefined ? created(c.since) : iso(touched),
      position: c.group ? siblings.indexOf(c) + 1 : topLevel.indexOf(c.id) + 1,
      description: c.description ? text(c.description) : null,
      showcase: true,
      start_date: c.since ?? null,
      group_id: c.group ? groupApiId(c.group) : null,
      page_id: pageId,
      group: false,
      only_show_if_degraded: c.only_show_if_degraded,
    });
  }
  // A group without members is left out: strict Statuspage clients reject `"components": []`.
  const groupObjects: StatuspageComponent[] = listed.flatMap((g) => {
    const members = site.config.components.filter((c) => c.group === g.id).map((c) => componentObjects.get(c.id)!);
    if (members.length === 0) return [];
    return [{
      id: groupApiId(g.id),
      name: text(g.name),
      status: worstState(members.map((m) => m.status)),
      created_at: members.map((m) => m.created_at).sort()[0] ?? iso(firstChange),
      updated_at: members.map((m) => m.updated_at).sort().at(-1) ?? iso(firstChange),
      position: topLevel.indexOf(`group:${g.id}`) + 1,
      description: g.description ? text(g.description) : null,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: pageId,
      group: true,
      only_show_if_degraded: false,
      components: members.map((m) => m.id),
    }];
  });
  const components = [...componentObjects.values(), ...groupObjects];

  const toIncident = (incident: Incident): StatuspageIncident | StatuspageMaintenance => {
    const t = timeline(incident, site.config, now);
    // Imported history keeps the source's ids and short links, so clients keyed on them see the same incidents.
    const incidentId = incident.imported?.id ?? stableId('incident', incident.id);
    const updates: StatuspageUpdate[] = incident.updates.map((u, i) => {
      const before = i === 0 ? {} : t.afterEach[i - 1]!;
      const after = t.afterEach[i]!;
      const changed = Object.entries(after)
        .filter(([c, s]) => (before[c] ?? 'operational') !== s)
        .map(([c, s]) => ({ code: componentApiId(c), name: text(site.config.components.find((x) => x.id === c)!.name), old_status: (before[c] ?? 'operational') as ComponentStateName, new_status: s }));
      const at = u.at.toISOString();
      return {
        id: u.sourceId ?? stableId('update', u.id),
        status: u.status,
        body: apiBody(prose({ body: u.body }, u.translations, locale, site.config.locale).body, fmt, u.at),
        incident_id: incidentId,
        created_at: at,
        updated_at: at,
        display_at: at,
        affected_components: changed.length ? changed : null,
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      };
    });
    const base = {
      id: incidentId,
      name: prose({ body: '', title: incident.title }, incident.translations, locale, site.config.locale).title!,
      status: t.status,
      created_at: t.acknowledgedAt.toISOString(),
      updated_at: t.latest.at.toISOString(),
      monitoring_at: t.monitoringAt?.toISOString() ?? null,
      resolved_at: t.resolvedAt?.toISOString() ?? null,
      impact: incident.kind === 'maintenance' ? ('maintenance' as const) : (site.config.impacts[incident.impact!]?.indicator ?? 'minor'),
      shortlink: incident.imported?.shortlink ?? ctx.incidentUrl(incident),
      started_at: incident.started.toISOString(),
      page_id: pageId,
      incident_updates: updates.reverse(),
      components: t.components.map((c) => componentObjects.get(c)!).filter(Boolean),
    };
    if (incident.kind === 'incident') return base as StatuspageIncident;
    return { ...base, scheduled_for: t.window!.start.toISOString(), scheduled_until: t.window!.end.toISOString() } as StatuspageMaintenance;
  };

  return { page, components, toIncident };
}

export function statuspageDocuments(ctx: ApiContext): Record<DocumentPath, object> {
  const { site, now } = ctx;
  const { page, components, toIncident } = statuspageObjects(ctx);
  const incidents = site.incidents.filter((i) => i.kind === 'incident' && i.started <= now);
  const maintenances = site.incidents.filter((i) => i.kind === 'maintenance');
  const unresolved = incidents.filter((i) => isOpen(i, site.config, now)).map(toIncident);
  const upcoming = maintenances.filter((i) => statusAt(i, site.config, now).status === 'scheduled').map(toIncident).reverse();
  const active = maintenances.filter((i) => ['in_progress', 'verifying'].includes(statusAt(i, site.config, now).status)).map(toIncident);
  const { indicator } = overall(site, now);
  const status = { indicator, description: STATUS_DESCRIPTIONS[indicator] };

  return {
    'summary.json': { page, components, incidents: unresolved, scheduled_maintenances: [...active, ...upcoming], status },
    'status.json': { page, status },
    'components.json': { page, components },
    'incidents.json': { page, incidents: incidents.slice(0, API_LIST_LIMIT).map(toIncident) },
    'incidents/unresolved.json': { page, incidents: unresolved },
    'scheduled-maintenances.json': { page, scheduled_maintenances: maintenances.slice(0, API_LIST_LIMIT).map(toIncident) },
    'scheduled-maintenances/upcoming.json': { page, scheduled_maintenances: upcoming },
    'scheduled-maintenances/active.json': { page, scheduled_maintenances: active },
  };
}

/**
 * The body of a Statuspage incident webhook (https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/):
 * `meta`, `page` with its indicator, and the incident with its updates, so receivers written for Statuspage work.
 * `incident` is the incident as it stood after the update being announced.
 */
export function statuspageWebhookPayload(ctx: ApiContext, incident: Incident, unsubscribe: string) {
  const { page, toIncident } = statuspageObjects(ctx);
  const { indicator } = overall(ctx.site, ctx.now);
  return {
    meta: { unsubscribe, documentation: 'https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/' },
    page: { id: page.id, status_indicator: indicator, status_description: STATUS_DESCRIPTIONS[indicator] },
    incident: toIncident(incident),
  };
}
