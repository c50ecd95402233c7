// The vocabularies of status: component states, incident and maintenance statuses, indicators.

export const COMPONENT_STATES = [
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
] as const;
export type ComponentStateName = (typeof COMPONENT_STATES)[number];

/** Higher is worse; "worst wins" when several incidents touch one component. Maintenance ranks below any outage. */
export function stateRank(state: ComponentStateName): number {
  return COMPONENT_STATES.indexOf(state);
}

export function worstState(states: Iterable<ComponentStateName>): ComponentStateName {
  let worst: ComponentStateName = 'operational';
  for (const s of states) if (stateRank(s) > stateRank(worst)) worst = s;
  return worst;
}

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];
export type Status = IncidentStatus | MaintenanceStatus;

export const KINDS = ['incident', 'maintenance'] as const;
export type Kind = (typeof KINDS)[number];

/** Statuses that close an incident or a maintenance window. */
export function isFinalStatus(status: Status): boolean {
  return status === 'resolved' || status === 'completed';
}

/**
 * The status an update written from a template gets: the template's, unless the incident is already further
 * along. A template's status is a floor, so advice like "post still-working" never moves an `identified` or
 * `monitoring` incident back to `investigating`. A closed incident takes the template's status (a reopening).
 */
export function advanceTo(current: Status, proposed: Status): Status {
  if (isFinalStatus(current) || isFinalStatus(proposed)) return proposed;
  const order = (s: Status) => Math.max(INCIDENT_STATUSES.indexOf(s as IncidentStatus), MAINTENANCE_STATUSES.indexOf(s as MaintenanceStatus));
  return order(proposed) < order(current) ? current : proposed;
}

/** Statuspage's page indicators, plus our own for maintenance. */
export const INDICATORS = ['none', 'minor', 'major', 'critical'] as const;
export type Indicator = (typeof INDICATORS)[number];
export type OverallIndicator = Indicator | 'maintenance';

export function worstIndicator(a: Indicator, b: Indicator): Indicator {
  return INDICATORS.indexOf(a) >= INDICATORS.indexOf(b) ? a : b;
}

export const DATA_LOSS = ['none', 'some', 'unknown'] as const;
export type DataLoss = (typeof DATA_LOSS)[number];

/** The component state whose colour and shape stand for a page indicator. */
export const INDICATOR_STATE: Record<OverallIndicator, ComponentStateName> = {
  none: 'operational',
  minor: 'degraded_performance',
  major: 'partial_outage',
  critical: 'major_outage',
  maintenance: 'under_maintenance',
};
