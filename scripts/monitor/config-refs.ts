// The monitoring section names components, regions and impacts declared elsewhere in the config; a typo there
// would surface only as a failed draft in the middle of an outage, so it is caught before any check runs.
import type { Config } from '../../site/model/schema/config.ts';
import { knownList } from '../../site/model/suggest.ts';
import { CliError } from '../lib/cli-error.ts';

export function checkMonitoringRefs(config: Config): void {
  const problems: string[] = [];
  const known = { component: config.components.map((c) => c.id), region: config.regions.map((r) => r.id), impact: Object.keys(config.impacts) };
  const look = (where: string, kind: keyof typeof known, id: string | undefined) => {
    if (id !== undefined && !known[kind].includes(id)) problems.push(`candor.config.yaml ${where}: "${id}" is not a${kind === 'impact' ? 'n' : ''} ${kind}; ${knownList(id, known[kind])}`);
  };
  for (const [list, name] of [[config.monitoring.checks, 'checks'], [config.monitoring.alerts, 'alerts']] as const) {
    list.forEach((entry, i) => {
      look(`monitoring.${name}[${i}].component`, 'component', entry.component);
      entry.regions.forEach((r, j) => look(`monitoring.${name}[${i}].regions[${j}]`, 'region', r));
      look(`monitoring.${name}[${i}].impact`, 'impact', entry.impact);
    });
  }
  const ids = config.monitoring.checks.map((c) => c.id);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`candor.config.yaml monitoring.checks: the id "${id}" is used twice; each check needs its own (it names monitoring/${id}.json)`);
  if (problems.length) throw new CliError(problems.join('\n'), 1);
}
