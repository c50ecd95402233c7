// What a status badge says: the page's state, or one component's, in the reader's language.
import { t } from '../../i18n/index.ts';
import { INDICATOR_STATE, type ComponentStateName, type OverallIndicator } from '../states.ts';
import type { ComponentStatus } from '../status.ts';

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
  components: Map<string, ComponentStatus>;
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
