// A signal is what a failed or passing check, or a firing or resolved alert, says about one component (and
// regions): the one input of the draft writer. Its outage key is what makes repeats and flapping one outage.
export interface Signal {
  component: string;
  /** Empty: every region the component runs in. */
  regions: string[];
  state: 'failing' | 'passing';
  /** Since when it has been failing (or passing again). */
  since: Date;
  /** Where it came from: "check api-health", "alertmanager HighErrorRate". For the pull request only. */
  source: string;
  /** What failed, for the pull request only (may name hosts and errors; never written into incident text). */
  detail: string[];
  /** Failed runs in a row, for checks; auto_publish_after compares with it. */
  failedRuns?: number;
  /** From the check's config: publish without a person after this many failed runs. */
  autoPublishAfter?: number;
  /** Impact id for the draft (from the check or route); the template's otherwise. */
  impact?: string;
}

/** One outage per component and set of regions, whichever check or alert reported it. */
export function outageKey(s: Pick<Signal, 'component' | 'regions'>): string {
  return `${s.component}@${[...s.regions].sort().join('+') || 'all'}`;
}

/**
 * Several signals for one outage (a grouped payload, a check and an alert) become one: failing if any fails,
 * since the earliest failure; passing only when all pass.
 */
export function mergeSignals(signals: Signal[]): Signal[] {
  const byKey = new Map<string, Signal[]>();
  for (const s of signals) byKey.set(outageKey(s), [...(byKey.get(outageKey(s)) ?? []), s]);
  return [...byKey.values()].map((group) => {
    const failing = group.filter((s) => s.state === 'failing');
    const pick = failing.length ? failing : group;
    const earliest = pick.reduce((a, b) => (b.since < a.since ? b : a));
    return {
      ...earliest,
      state: failing.length ? 'failing' : 'passing',
      source: [...new Set(pick.map((s) => s.source))].join(', '),
      detail: pick.flatMap((s) => s.detail),
      failedRuns: Math.max(0, ...pick.map((s) => s.failedRuns ?? 0)) || undefined,
      autoPublishAfter: pick.map((s) => s.autoPublishAfter).find((n) => n !== undefined),
    };
  });
}
