// `candor new`: open an incident or announce maintenance, with its first update, in under a minute.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { localize } from '../../site/model/format.ts';
import { loadValidParts } from '../../site/model/load/partial.ts';
import { claim, incidentFolderBase } from '../../site/model/write/slug.ts';
import { timestamp } from '../../site/model/write/timestamp.ts';
import { updateNames } from '../../site/model/write/update-names.ts';
import type { Template } from '../../site/model/templates/library.ts';
import type { ComponentStateName } from '../../site/model/states.ts';
import { parse, rootOf } from '../lib/args.ts';
import { interactive, type Asker } from '../lib/ask.ts';
import { CliError } from '../lib/cli-error.ts';
import { parseWhen } from '../lib/compose.ts';
import { validationTime, writeContext, type WriteContext } from '../lib/context.ts';
import { checkIds, list } from '../lib/ids.ts';
import { parseComponents } from '../lib/component-flags.ts';
import { composeMessage, parseSets } from '../lib/message.ts';
import { afterWriting } from '../lib/report.ts';
import { composeFile } from '../lib/write.ts';
import { keptMessage, openSession, writeOrRetry } from '../lib/session.ts';
import { atOf, DRAFT_HELP, pickTemplate, UPDATE_HELP } from './update-shared.ts';

const HELP = `Usage: candor new [options]

Opens an incident (or announces maintenance) with its first update. In a terminal it asks for what is
missing; every answer is also a flag, so scripts and CI can run it with --yes.

  --kind incident|maintenance   default: incident
  --template ID                 a prepared message (see "candor templates"); or --body
  --title TEXT                  what customers experience, e.g. "Card payments fail in Europe"
  --impact ID                   severity level from the config (incidents)
  --components a,b              affected component ids
  --regions x,y                 affected region ids (default: all)
  --started TIME                when customers were first affected (default: --at)
  --window-start TIME --window-end TIME   the maintenance window
  --component ID=STATE          set a component's state (repeatable; default: the template's, else from the impact)
  --provider NAME               third party involved (named on the status page only)
  --owner HANDLE                GitHub handle of whoever owns communication
  --slug SLUG                   folder slug (default: from the title)
${UPDATE_HELP}
${DRAFT_HELP}`;

const OPTIONS = {
  kind: { type: 'string' }, template: { type: 'string' }, title: { type: 'string' }, impact: { type: 'string' },
  components: { type: 'string' }, component: { type: 'string', multiple: true }, regions: { type: 'string' }, started: { type: 'string' }, 'window-start': { type: 'string' },
  'window-end': { type: 'string' }, provider: { type: 'string' }, owner: { type: 'string' }, slug: { type: 'string' },
  'next-update': { type: 'string' }, set: { type: 'string', multiple: true }, body: { type: 'string' }, social: { type: 'string' },
  at: { type: 'string' }, locale: { type: 'string' }, yes: { type: 'boolean', short: 'y' }, 'dry-run': { type: 'boolean' },
  resume: { type: 'boolean' }, discard: { type: 'boolean' },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, OPTIONS);
  if (values.help) return console.log(HELP), 0;
  const at = atOf(values.at);
  const ctx = await writeContext(rootOf(values.root), at, values.locale);
  const ask = await openSession(ctx.root, 'new', 'candor new', values, interactive(values.yes));
  for (;;) {
    const draft = await compose(values, ctx, ask, at);
    if (values['dry-run']) {
      for (const [p, text] of Object.entries(draft.files)) console.log(`--- ${p}\n${text}`);
      return 0;
    }
    if (ask.interactive) {
      console.log(`\n${draft.files[draft.updatePath]}`);
      if (!(await ask.ok('Write these files?'))) return console.log(keptMessage('candor new')), 1;
    }
    const later = validationTime(at);
    const written = await writeOrRetry(ctx.root, draft.files, later, ask, 'candor new');
    if (written === 'retry') continue;
    const loaded = await loadValidParts(ctx.root, { now: later });
    const incident = loaded.ok ? loaded.site.incidents.find((i) => i.id === draft.id) : undefined;
    if (loaded.ok && incident) console.log(afterWriting(loaded.site, incident, incident.updates.at(-1)!, Object.keys(draft.files), written.warnings, `${draft.kind === 'incident' ? 'Incident' : 'Maintenance'}: ${draft.title}`));
    return 0;
  }
}

type Values = ReturnType<typeof parse<typeof OPTIONS>>['values'];

/** Asks what is missing (or takes it from flags and the draft) and turns the answers into the files. */
async function compose(values: Values, ctx: WriteContext, ask: Asker, at: Date) {
  const { site } = ctx;

  const kind = await ask.one(values.kind as 'incident' | 'maintenance' | undefined, '--kind', 'What is it?', [
    { name: 'An incident: something is wrong now', value: 'incident' as const },
    { name: 'Maintenance: planned work', value: 'maintenance' as const },
  ], 'incident');
  if (kind !== 'incident' && kind !== 'maintenance') throw new CliError(`--kind must be incident or maintenance, not "${kind}"`, 2);
  const template = values.body === undefined ? await pickTemplate(ctx.templates, ask, values.template, kind, kind === 'incident' ? ['investigating', 'identified'] : ['scheduled']) : undefined;
  const title = await ask.text(values.title, '--title', 'Title: what customers experience');
  const impacts = Object.keys(site.config.impacts);
  const impact = kind === 'incident'
    ? checkIds('--impact', 'impact', [await ask.one(values.impact, '--impact', 'Impact', impacts.map((i) => ({ name: i, value: i })), template?.meta.impact)], impacts)[0]
    : undefined;
  const componentIds = site.config.components.map((c) => c.id);
  const components = checkIds('--components', 'component', await ask.many(list(values.components), '--components', 'Affected components', site.config.components.map((c) => ({ name: `${localize(c.name, site.config.locale, site.config.locale)} (${c.id})`, value: c.id }))), componentIds);
  if (components.length === 0) throw new CliError('--components: name at least one affected component', 2);
  const regionIds = site.config.regions.map((r) => r.id);
  const regions = checkIds('--regions', 'region', await ask.many(list(values.regions), '--regions', 'Affected regions (none selected = all)', site.config.regions.map((r) => ({ name: `${localize(r.name, site.config.locale, site.config.locale)} (${r.id})`, value: r.id })), { optional: true }), regionIds);
  const needsProvider = template?.body.includes('{{provider}}');
  const provider = values.provider ?? (needsProvider ? await ask.text(undefined, '--provider', 'Which provider (named on the status page only)?') : undefined);

  const time = (flag: string, v: string | undefined, fallback?: Date) => {
    if (v === undefined) return fallback;
    const d = parseWhen(v, at);
    if (!d) throw new CliError(`${flag}: "${v}" is not a time; use minutes from now (30) or a timestamp with a zone (2026-11-22T10:45:00Z)`, 2);
    return d;
  };
  const started = time('--started', values.started, at)!;
  let window: { start: Date; end: Date } | undefined;
  if (kind === 'maintenance') {
    const start = time('--window-start', values['window-start'] ?? (ask.interactive ? await ask.text(undefined, '--window-start', 'Window starts (e.g. 2026-11-29T01:00:00Z)') : undefined));
    const end = time('--window-end', values['window-end'] ?? (ask.interactive ? await ask.text(undefined, '--window-end', 'Window ends (e.g. 2026-11-29T03:00:00Z)') : undefined));
    if (!start || !end) throw new CliError('maintenance needs its window: pass --window-start and --window-end', 2);
    window = { start, end };
  }
  const nextUpdate = kind === 'incident' ? await nextUpdateOf(values['next-update'], template, ask, at) : time('--next-update', values['next-update']);
  const facts = { components, regions, at, nextUpdate, provider, window };
  const composed = values.body === undefined ? await composeMessage(site, template!, facts, parseSets(values.set), ask) : undefined;
  const body = values.body ?? composed!.text;

  const day = timestamp(window?.start ?? started).slice(0, 10);
  const base = values.slug === undefined ? incidentFolderBase(day, title, kind) : `${day}-${values.slug}`;
  const id = claim(base, (name) => existsSync(join(ctx.root, 'incidents', name)));
  const dir = `incidents/${id}`;
  const index = composeFile(`${dir}/index.md`, {
    title,
    kind,
    impact,
    components,
    regions,
    started: kind === 'incident' ? started : undefined,
    scheduled: window,
    provider,
    owner: values.owner,
    what: composed?.answers.what,
  });
  const updatePath = `${dir}/${updateNames([at])[0]!.stem}.md`;
  const update = composeFile(
    updatePath,
    {
      status: template?.meta.status ?? (kind === 'incident' ? 'investigating' : 'scheduled'),
      next_update: nextUpdate,
      components: kind === 'incident' ? statesOf(values.component, components, template?.meta.state) : undefined,
      social: values.social,
    },
    body,
  );
  return { id, kind, title, updatePath, files: { [`${dir}/index.md`]: index, [updatePath]: update } };
}

async function nextUpdateOf(flag: string | undefined, template: Template | undefined, ask: Asker, at: Date): Promise<Date> {
  const minutes = template?.meta.next_update_minutes ?? 30;
  const chosen = await ask.one(flag, '--next-update', 'When will customers hear from you next?', [15, 30, 60, 120].map((m) => ({ name: `in ${m} minutes`, value: String(m) })), String(minutes));
  const d = parseWhen(chosen, at);
  if (!d) throw new CliError(`--next-update: "${chosen}" is not a time; use minutes from now (30) or a timestamp with a zone`, 2);
  return d;
}

/** The first update's component states: the --component flags (affected components only), else the template's. */
function statesOf(flags: string[] | undefined, affected: string[], templateState: ComponentStateName | undefined): Record<string, ComponentStateName> | undefined {
  if (flags?.length) return parseComponents(flags, affected);
  return templateState ? Object.fromEntries(affected.map((c) => [c, templateState])) : undefined;
}
