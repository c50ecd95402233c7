// The impact level Statuspage has and Candor's defaults lack: "none", an incident that affects no service.
// An import that needs it adds it to the config, so the round trip gives back `impact: none`.
import { DEFAULT_IMPACTS } from '../../site/model/schema/config.ts';

export const NO_IMPACT_ID = 'none';
/** Components stay operational and the page indicator is not raised: what "none" meant on Statuspage. */
const NO_IMPACT = { component_state: 'operational', indicator: 'none' } as const;

/**
 * The `impacts` entries a config must gain for these incidents: the whole map when it relied on the built-in levels
 * (writing any `impacts:` replaces them), only `none` when it lists its own; undefined when nothing is needed.
 */
export function impactsToAdd(used: (string | undefined)[], existing: string[] | undefined): { replace: boolean; entries: Record<string, object> } | undefined {
  if (!used.includes(NO_IMPACT_ID) || existing?.includes(NO_IMPACT_ID)) return undefined;
  if (existing) return { replace: false, entries: { [NO_IMPACT_ID]: NO_IMPACT } };
  return { replace: true, entries: { [NO_IMPACT_ID]: NO_IMPACT, ...structuredClone(DEFAULT_IMPACTS) } };
}
