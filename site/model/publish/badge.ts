// What a status badge says: the page's state, or one component's, in the reader's language.
import { t } from '../../i18n/index.ts';
import { INDICATOR_STATE, type ComponentStateName, type OverallIndicator } from '../states.ts';
import type { Site } from '../site.ts';
import { componentStates, overall, type ComponentStatus } from '../status.ts';
import { formatter } from '../format.ts';
import { componentName } from '../component-name.ts';
import { availabilityBand } from '../measured-uptime.ts';
import { uptimeFigure, type UptimeFigure } from '../uptime-source.ts';

export interface BadgeContent {
  label: string;
  message: string;
  /** A shields.io color name. */
  color: string;
}

const COLORS: Record<ComponentStateName, string> = {
  operational: 'brightgreen',
  under_maintenance: 'blue',
  degraded_performance: 'yellow',
  partial_outage: 'orange',
  major_outage: 'red',
};

/** The state a badge shows; a build passes the states it already derived (one per component, and the page's). */
export interface BadgeStatus {
  components: ReadonlyMap<string, Readonly<ComponentStatus>>;
  indicator: OverallIndicator;
}

export function badgeContent(status: BadgeStatus, locale: string, componentId?: string, componentName?: string): BadgeContent {
  if (componentId) {
    const state = status.components.get(componentId)!.state;
    return { label: componentName ?? componentId, message: t(locale, `state.${state}`), color: COLORS[state] };
  }
  const { indicator } = status;
  return { label: t(locale, 'badge.label'), message: t(locale, `overall.${indicator}`), color: COLORS[INDICATOR_STATE[indicator]] };
}

/** The shields.io endpoint document (https://shields.io/badges/endpoint-badge). */
export function shieldsEndpoint(b: BadgeContent) {
  return { schemaVersion: 1, label: b.label, message: b.message, color: b.color, cacheSeconds: 60 };
}

/** Percent as every page formats it (the zone does not matter for a number). */
const formatPercent = (locale: string, value: number) => formatter(locale, 'UTC').percent(value);

/** Colours of the availability bands (measured-uptime.ts), the chart's colours on the component page. */
const BAND_COLORS = { 1: 'brightgreen', 2: 'yellow', 3: 'orange', 4: 'red' } as const;

/**
 * A component's uptime over `uptime.days`, from the source `uptime.source` chose (uptime-source.ts); the label
 * says which, and the number is formatted as the component page formats it, so the two read the same.
 */
export function uptimeBadgeContent(figure: UptimeFigure, locale: string, componentName: string): BadgeContent {
  const label = t(locale, figure.source === 'measured' ? 'badge.uptimeMeasured' : 'badge.uptimeDeclared', { component: componentName });
  if (figure.percent === null) return { label, message: t(locale, 'uptime.noData'), color: 'lightgrey' };
  return { label, message: formatPercent(locale, figure.percent), color: BAND_COLORS[availabilityBand(figure.percent)] };
}

/**
 * What every badge of a mirror is made from at a moment: the page's and each component's state, and each
 * component's uptime with the mirror's focus (the component page's). The badge routes render from these, and a
 * build's page keys hash what `badgeOf` and `uptimeBadgeOf` make of them (site/lib/reuse.ts): a badge shows no
 * moment, so it is rendered again exactly when what it says changes, not on every build.
 */
export interface BadgeFacts {
  site: Site;
  status: BadgeStatus;
  /** Made once per component: each language has the uptime badge in SVG and JSON. */
  uptime: (componentId: string) => UptimeFigure;
}

/** A build passes the states its pages already derived; without them, they are derived here, the same way. */
export function badgeFacts(site: Site, now: Date, focus: readonly string[], status?: BadgeStatus): BadgeFacts {
  const figures = new Map<string, UptimeFigure>();
  return {
    site,
    status: status ?? { components: componentStates(site, now), indicator: overall(site, now).indicator },
    uptime: (id) => figures.get(id) ?? figures.set(id, uptimeFigure(site, id, { now, focus })).get(id)!,
  };
}

/** The status badge of the page, or of one component. */
export const badgeOf = (facts: BadgeFacts, locale: string, componentId?: string): BadgeContent =>
  badgeContent(facts.status, locale, componentId, componentId && componentName(facts.site, locale, componentId));

/** A component's uptime badge. */
export const uptimeBadgeOf = (facts: BadgeFacts, locale: string, componentId: string): BadgeContent =>
  uptimeBadgeContent(facts.uptime(componentId), locale, componentName(facts.site, locale, componentId));
