// `candor update <incident>`: post the next update. `candor resolve` is the same with the all-clear.
import { join } from 'node:path';
import { loadSite } from '../../site/model/load/index.ts';
import { findIncident } from '../../site/model/find.ts';
import { COMPONENT_STATES, DATA_LOSS, INCIDENT_STATUSES, isFinalStatus, MAINTENANCE_STATUSES, type ComponentStateName, type Status } from '../../site/model/states.ts';
import { timeline } from '../../site/model/timeline.ts';
import { nowOf, parse, rootOf } from '../lib/args.ts';
import { Asker, interactive } from '../lib/ask.ts';
import { CliError } from '../lib/cli-error.ts';
import { markdownFile, parseWhen, stamp } from '../lib/compose.ts';
import { validationTime, writeContext } from '../lib/context.ts';
import { checkIds } from '../lib/ids.ts';
import { composeMessage, parseSets } from '../lib/message.ts';
import { afterWriting } from '../lib/report.ts';
import { freeUpdateName } from '../lib/update-name.ts';
import { writeContent } from '../lib/write.ts';
import { atOf, pickTemplate, UPDATE_HELP } from './update-shared.ts';

const HELP = (mode: 'update' | 'resolve') => `Usage: candor ${mode} <incident> [options]

${mode === 'update' ? 'Posts the next update of an incident or maintenance.' : 'Posts the all-clear (incidents) or the completion (maintenance).'}
<incident> is its folder name, its slug, or the start of either.

  --template ID                 a prepared message${mode === 'resolve' ? ' (default: resolved / maintenance-completed)' : ''}
  --status STATUS               default: the template's
  --component ID=STATE          set a component's state (repeatable), e.g. --component api=degraded_performance
  --data-loss none|some|unknown whether any customer data was lost (required to resolve an incident)
  --scheduled-end TIME          maintenance only: extend the window
${UPDATE_HELP}`;

export async function run(argv: string[]): Promise<number> {
  return post(argv, 'update');
}

export async function post(argv: string[], mode: 'update' | 'resolve'): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      template: { type: 'string' }, status: { type: 'string' }, component: { type: 'string', multiple: true }, 'data-loss': { type: 'string' },
      'scheduled-end': { type: 'string' }, 'next-update': { type: 'string' }, set: { type: 'string', multiple: true }, body: { type: 'string' },
      social: { type: 'string' }, at: { type: 'string' }, locale: { type: 'string' }, yes: { type: 'boolean', short: 'y' }, 'dry-run': { type: 'boolean' },
    },
    true,
  );
  if (values.help) return console.log(HELP(mode)), 0;
  if (positionals.length !== 1) throw new CliError(`name one incident: candor ${mode} <incident>`, 2);
  const at = atOf(values.at);
  const ctx = await writeContext(rootOf(values.root), at, values.locale);
  const { site } = ctx;
  const found = findIncident(site, positionals[0]!);
  if (!found.ok) throw new CliError(`${found.message}; ${found.fix}`, 2);
  const incident = found.incident;
  const tl = timeline(incident, site.config);
  const ask = new Asker(interactive(values.yes));
  const kind = incident.kind;
  const final: Status = kind === 'incident' ? 'resolved' : 'completed';
  if (mode === 'resolve' && isFinalStatus(tl.status)) throw new CliError(`${incident.id} is already ${tl.status}`, 2);

  const defaultTemplate = mode === 'resolve' ? (kind === 'incident' ? 'resolved' : 'maintenance-completed') : undefined;
  const template = values.body === undefined ? await pickTemplate(ctx.templates, ask, values.template ?? defaultTemplate, kind) : undefined;
  const statuses: readonly Status[] = kind === 'incident' ? INCIDENT_STATUSES : MAINTENANCE_STATUSES;
  const status = (mode === 'resolve' ? final : await ask.one(values.status as Status | undefined, '--status', 'Status', statuses.map((s) => ({ name: s, value: s })), template?.meta.status)) as Status;
  if (!statuses.includes(status)) throw new CliError(`--status: "${status}" is not a ${kind} status; use one of: ${statuses.join(', ')}`, 2);
  const reopen = isFinalStatus(tl.status) && !isFinalStatus(status) ? true : undefined;

  const components = parseComponents(values.component, site.config.components.map((c) => c.id));
  if (!values.component && template?.meta.state && !isFinalStatus(status)) for (const c of tl.components) components[c] = template.meta.state;

  let dataLoss: string | undefined;
  if (kind === 'incident' && status === 'resolved') {
    dataLoss = await ask.one(values['data-loss'], '--data-loss', 'Was any customer data lost?', DATA_LOSS.map((d) => ({ name: d, value: d })));
    checkIds('--data-loss', 'answer', [dataLoss], [...DATA_LOSS]);
  }
  let nextUpdate: Date | undefined;
  if (!isFinalStatus(status)) {
    const minutes = String(template?.meta.next_update_minutes ?? 30);
    const chosen = kind === 'incident' ? await ask.one(values['next-update'], '--next-update', 'When will customers hear from you next?', [15, 30, 60, 120].map((m) => ({ name: `in ${m} minutes`, value: String(m) })), minutes) : values['next-update'];
    nextUpdate = chosen === undefined ? undefined : parseWhen(chosen, at);
    if (chosen !== undefined && !nextUpdate) throw new CliError(`--next-update: "${chosen}" is not a time; use minutes from now (30) or a timestamp with a zone`, 2);
  }
  let scheduledEnd: Date | undefined;
  if (kind === 'maintenance' && (values['scheduled-end'] || template?.meta.extends)) {
    const v = await ask.text(values['scheduled-end'], '--scheduled-end', 'The window now ends at (e.g. 2026-11-29T04:00:00Z)');
    scheduledEnd = parseWhen(v, at);
    if (!scheduledEnd) throw new CliError(`--scheduled-end: "${v}" is not a timestamp with a zone`, 2);
  }
  const facts = { components: tl.components, regions: incident.regions, at, nextUpdate, provider: incident.provider, window: tl.window && { start: tl.window.start, end: scheduledEnd ?? tl.window.end } };
  const body = values.body ?? (await composeMessage(site, template!, facts, parseSets(values.set), ask));

  const text = markdownFile(
    {
      status,
      reopen,
      next_update: nextUpdate && stamp(nextUpdate),
      components: Object.keys(components).length ? components : undefined,
      data_loss: dataLoss,
      scheduled_end: scheduledEnd && stamp(scheduledEnd),
      social: values.social,
    },
    body,
  );
  const path = `${incident.dir}/${freeUpdateName(join(ctx.root, incident.dir), nowOf(values.at), text).name}`;
  if (values['dry-run']) return console.log(`--- ${path}\n${text}`), 0;
  if (ask.interactive) {
    console.log(`\n${text}`);
    if (!(await ask.ok('Write this update?'))) return console.log('Nothing written.'), 1;
  }
  const later = validationTime(at);
  const warnings = await writeContent(ctx.root, { [path]: text }, later);
  const loaded = await loadSite(ctx.root, { now: later });
  if (loaded.ok) {
    const fresh = loaded.value.incidents.find((i) => i.id === incident.id)!;
    console.log(afterWriting(loaded.value, fresh, fresh.updates.find((u) => u.file === path)!, [path], warnings, `${incident.title}: ${status}`));
  }
  return 0;
}

function parseComponents(flags: string[] | undefined, known: string[]): Record<string, ComponentStateName> {
  const out: Record<string, ComponentStateName> = {};
  for (const f of flags ?? []) {
    const [id = '', state = ''] = f.split('=');
    checkIds('--component', 'component', [id], known);
    checkIds('--component', 'state', [state], [...COMPONENT_STATES]);
    out[id] = state as ComponentStateName;
  }
  return out;
}
