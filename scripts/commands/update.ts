// `candor update <incident>`: post the next update. `candor resolve` is the same with the all-clear.
import { join } from 'node:path';
import { loadValidParts } from '../../site/model/load/partial.ts';
import { DATA_LOSS, type DataLoss, INCIDENT_STATUSES, advanceTo, isFinalStatus, MAINTENANCE_STATUSES, type Status } from '../../site/model/states.ts';
import { timeline } from '../../site/model/timeline.ts';
import { updateFileStem } from '../../site/model/time.ts';
import { nowOf, parse, rootOf } from '../lib/args.ts';
import type { Incident } from '../../site/model/site.ts';
import { interactive, type Asker } from '../lib/ask.ts';
import { refuseBroken } from '../lib/broken.ts';
import { chooseIncident, forResolve, forUpdate } from '../lib/choose.ts';
import { CliError } from '../lib/cli-error.ts';
import { parseWhen } from '../lib/compose.ts';
import { timestamp as stamp } from '../../site/model/write/timestamp.ts';
import { validationTime, writeContext, type WriteContext } from '../lib/context.ts';
import { checkIds } from '../lib/ids.ts';
import { parseComponents } from '../lib/component-flags.ts';
import { composeMessage, parseSets } from '../lib/message.ts';
import { afterWriting } from '../lib/report.ts';
import { keptMessage, openSession, writeOrRetry } from '../lib/session.ts';
import { freeUpdateName } from '../lib/update-name.ts';
import { composeFile } from '../lib/write.ts';
import { atOf, DRAFT_HELP, pickTemplate, UPDATE_HELP } from './update-shared.ts';

const HELP = (mode: 'update' | 'resolve') => `Usage: candor ${mode} [<incident>] [options]

${mode === 'update' ? 'Posts the next update of an incident or maintenance.' : 'Posts the all-clear (incidents) or the completion (maintenance).'}
<incident> is its folder name, its slug, or the start of either, among the ${mode === 'update' ? 'open or recently resolved' : 'open'} ones;
without it, a terminal offers those, newest first. What the incident already says (what customers try to do,
components, regions) is reused, not asked again.

  --template ID                 a prepared message${mode === 'resolve' ? ' (default: resolved / maintenance-completed)' : ''}
  --status STATUS               default: the template's
  --component ID=STATE          set a component's state (repeatable), e.g. --component api=degraded_performance
  --data-loss none|some|unknown whether any customer data was lost (required to resolve an incident)
  --scheduled-end TIME          maintenance only: extend the window${mode === 'resolve' ? `
  --recovered TIME              when it started working again (default: now); 10:30 (UTC, today) or a timestamp` : ''}
${UPDATE_HELP}
${DRAFT_HELP}`;

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
      recovered: { type: 'string' }, resume: { type: 'boolean' }, discard: { type: 'boolean' },
    },
    true,
  );
  if (values.help) return console.log(HELP(mode)), 0;
  if (positionals.length > 1) throw new CliError(`name one incident: candor ${mode} <incident>`, 2);
  const at = atOf(values.at);
  const ctx = await writeContext(rootOf(values.root), at, values.locale);
  const isInteractive = interactive(values.yes);
  refuseBroken(ctx.site, ctx.broken, positionals[0], mode);
  const incident = await chooseIncident(ctx.site, positionals[0], mode === 'resolve' ? forResolve(ctx.site, at) : forUpdate(ctx.site, at), mode, isInteractive);
  const command = `candor ${mode} ${incident.id}`;
  const ask = await openSession(ctx.root, `${mode}-${incident.id}`, command, values, isInteractive);
  for (;;) {
    const { path, text, status } = await compose(mode, values, ctx, incident, ask, at);
    if (values['dry-run']) return console.log(`--- ${path}\n${text}`), 0;
    if (ask.interactive) {
      console.log(`\n${text}`);
      if (!(await ask.ok('Write this update?'))) return console.log(keptMessage(command)), 1;
    }
    const later = validationTime(at);
    const written = await writeOrRetry(ctx.root, { [path]: text }, later, ask, command);
    if (written === 'retry') continue;
    const loaded = await loadValidParts(ctx.root, { now: later });
    const fresh = loaded.ok ? loaded.site.incidents.find((i) => i.id === incident.id) : undefined;
    if (loaded.ok && fresh) {
      console.log(afterWriting(loaded.site, fresh, fresh.updates.find((u) => u.file === path)!, [path], written.warnings, `${incident.title}: ${status}`));
    }
    return 0;
  }
}

type Values = ReturnType<typeof parse>['values'] & Record<string, string | string[] | boolean | undefined>;

/** Asks only what the incident does not already say, and turns the answers into the update file. */
async function compose(mode: 'update' | 'resolve', values: Values, ctx: WriteContext, incident: Incident, ask: Asker, at: Date) {
  const str = (k: string) => values[k] as string | undefined;
  const { site } = ctx;
  const tl = timeline(incident, site.config, at);
  const kind = incident.kind;
  const final: Status = kind === 'incident' ? 'resolved' : 'completed';
  if (mode === 'resolve' && isFinalStatus(tl.status)) throw new CliError(`${incident.id} is already ${tl.status}`, 2);

  const defaultTemplate = mode === 'resolve' ? (kind === 'incident' ? 'resolved' : 'maintenance-completed') : undefined;
  const template = str('body') === undefined ? await pickTemplate(ctx.templates, ask, str('template') ?? defaultTemplate, kind) : undefined;
  const statuses: readonly Status[] = kind === 'incident' ? INCIDENT_STATUSES : MAINTENANCE_STATUSES;
  const status = (mode === 'resolve' ? final : await ask.one(str('status') as Status | undefined, '--status', 'Status', statuses.map((s) => ({ name: s, value: s })), template && advanceTo(tl.status, template.meta.status))) as Status;
  if (!statuses.includes(status)) throw new CliError(`--status: "${status}" is not a ${kind} status; use one of: ${statuses.join(', ')}`, 2);
  const reopen = isFinalStatus(tl.status) && !isFinalStatus(status) ? true : undefined;

  const components = parseComponents(values.component as string[] | undefined, site.config.components.map((c) => c.id));
  if (!values.component && template?.meta.state && !isFinalStatus(status)) for (const c of tl.components) components[c] = template.meta.state;

  let dataLoss: string | undefined;
  if (kind === 'incident' && status === 'resolved') {
    dataLoss = await ask.one(str('data-loss'), '--data-loss', 'Was any customer data lost?', DATA_LOSS.map((d) => ({ name: d, value: d })));
    checkIds('--data-loss', 'answer', [dataLoss], [...DATA_LOSS]);
  }
  let nextUpdate: Date | undefined;
  if (!isFinalStatus(status)) {
    const minutes = String(template?.meta.next_update_minutes ?? 30);
    const chosen = kind === 'incident' ? await ask.one(str('next-update'), '--next-update', 'When will customers hear from you next?', [15, 30, 60, 120].map((m) => ({ name: `in ${m} minutes`, value: String(m) })), minutes) : str('next-update');
    nextUpdate = chosen === undefined ? undefined : parseWhen(chosen, at);
    if (chosen !== undefined && !nextUpdate) throw new CliError(`--next-update: "${chosen}" is not a time; use minutes from now (30) or a timestamp with a zone`, 2);
  }
  let scheduledEnd: Date | undefined;
  if (kind === 'maintenance' && (str('scheduled-end') || template?.meta.extends)) {
    const v = await ask.text(str('scheduled-end'), '--scheduled-end', 'The window now ends at (e.g. 2026-11-29T04:00:00Z)');
    scheduledEnd = parseWhen(v, at);
    if (!scheduledEnd) throw new CliError(`--scheduled-end: "${v}" is not a timestamp with a zone`, 2);
  }
  const recovered = mode === 'resolve' && kind === 'incident' ? await recoveredAt(str('recovered'), ask, at, incident) : undefined;
  const facts = { components: tl.components, regions: incident.regions, at, since: recovered, nextUpdate, provider: incident.provider, window: tl.window && { start: tl.window.start, end: scheduledEnd ?? tl.window.end } };
  // What the incident already says is not asked again; a --set still wins.
  const known: Record<string, string> = incident.what ? { what: incident.what } : {};
  const body = str('body') ?? (await composeMessage(site, template!, facts, { ...known, ...parseSets(values.set as string[] | undefined) }, ask)).text;

  // Named by its minute, which is what the file is called unless someone posted in that minute too.
  const text = composeFile(
    `${incident.dir}/${updateFileStem(at)}.md`,
    { status, reopen, next_update: nextUpdate, components, data_loss: dataLoss as DataLoss | undefined, scheduled_end: scheduledEnd, social: str('social') },
    body,
  );
  // Same-minute posts by different people get a name with seconds; the same text again is refused as a repeat.
  const path = `${incident.dir}/${freeUpdateName(join(ctx.root, incident.dir), nowOf(str('at')), text).name}`;
  return { path, text, status };
}

/**
 * When customers could use it again: the all-clear says "working normally since …", which is the recovery, not
 * the moment of posting. Asked in plain words, defaulting to now.
 */
async function recoveredAt(flag: string | undefined, ask: Asker, at: Date, incident: Incident): Promise<Date> {
  const now = `${stamp(at).slice(11, 16)} UTC`;
  const v = (await ask.text(flag, '--recovered', `When did it start working again? Enter for now (${now}), or a UTC time like 10:30`, { default: 'now' })).trim();
  const d = v === 'now' || v === '' ? at : /^\d{1,2}:\d{2}$/.test(v) ? new Date(`${stamp(at).slice(0, 10)}T${v.padStart(5, '0')}:00Z`) : parseWhen(v, at);
  if (!d || Number.isNaN(d.getTime())) throw new CliError(`--recovered: "${v}" is not a time; use 10:30 (UTC, today), a timestamp with a zone, or "now"`, 2);
  if (d > at) throw new CliError(`--recovered: ${stamp(d)} is after the all-clear itself (${stamp(at)}); use the time it started working again`, 2);
  if (d < incident.started) throw new CliError(`--recovered: ${stamp(d)} is before the incident started (${stamp(incident.started)})`, 2);
  return d;
}
