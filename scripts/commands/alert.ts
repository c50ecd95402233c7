// `candor alert`: read one webhook payload from Alertmanager, Grafana, Datadog or the generic shape, route its
// alerts to components by the config's `monitoring.alerts`, and open or update drafts (docs: monitoring).
import { docsUrl } from '../../site/model/docs.ts';
import { nowOf, parse, rootOf } from '../lib/args.ts';
import { CliError } from '../lib/cli-error.ts';
import { checkMonitoringRefs } from '../monitor/config-refs.ts';
import { parseAlertPayload } from '../monitor/alert-payloads.ts';
import { readAlertInput } from '../monitor/alert-input.ts';
import { routeAlerts } from '../monitor/alert-routes.ts';
import { runDrafts } from '../monitor/run-drafts.ts';
import { mergeSignals, outageKey } from '../monitor/signal.ts';

const HELP = `Usage: candor alert [--file FILE] [--dry-run] [--base BRANCH]

Reads an alert webhook payload (Prometheus Alertmanager, Grafana alerting, Datadog, or the generic shape) from
--file, or from the repository_dispatch event the Monitor workflow runs on, maps each alert to a component
with the config's monitoring.alerts routes, and opens one draft incident per outage as a pull request (needs
GITHUB_TOKEN and GITHUB_REPOSITORY). A resolved alert proposes the all-clear; it never posts it.

  --file FILE     the payload (JSON); default: $GITHUB_EVENT_PATH's client_payload
  --dry-run       print the signals, open nothing
  --base BRANCH   the branch drafts are pull requests into (default: main)

Exit codes: 0 done (alerts no route matches are listed and left alone, when others matched);
1 the payload is not one Candor reads, or no alert in it matched any route; 2 a usage mistake.
${docsUrl('monitoring')}`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { file: { type: 'string' }, 'dry-run': { type: 'boolean' }, base: { type: 'string' } });
  if (values.help) return console.log(HELP), 0;
  const root = rootOf(values.root);
  const now = nowOf(values.now);
  const parsed = parseAlertPayload(readAlertInput(values.file));
  if (!parsed.ok) throw new CliError(`${parsed.problem}`, 1);
  for (const i of parsed.ignored) console.log(`ignored: ${i}`);
  const { loadValidOrFail } = await import('../lib/load.ts');
  const { site } = await loadValidOrFail(root, now);
  checkMonitoringRefs(site.config);
  const { signals, unmatched } = routeAlerts(parsed.events, site.config.monitoring.alerts, now);
  for (const u of unmatched) console.error(`no route: ${u.source} alert "${u.name}" (${Object.keys(u.labels).join(', ') || 'no labels'}); add a route under monitoring.alerts whose match labels it has`);
  if (!signals.length) {
    if (!parsed.events.length) return 0;
    throw new CliError(`none of the ${parsed.events.length} alert(s) matched a route in monitoring.alerts; nothing was drafted (${docsUrl('monitoring')})`, 1);
  }
  const merged = mergeSignals(signals);
  if (values['dry-run']) {
    for (const s of merged) console.log(`${outageKey(s)} ${s.state} since ${s.since.toISOString()} (${s.source})`);
    return 0;
  }
  for (const line of await runDrafts(root, site, merged, values.base ?? 'main', now)) console.log(line);
  return 0;
}
