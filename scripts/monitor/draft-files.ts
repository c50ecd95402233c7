// The files a signal proposes, written by the one content writer (composeFile) from the team's templates: a new
// incident folder for an outage, or a resolved update for an open incident. Only configured names go in
// (component and region names, the impact, times): never the check's target, an alert's labels or its text.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../../site/i18n/index.ts';
import { localize } from '../../site/model/format.ts';
import type { Incident, Site } from '../../site/model/site.ts';
import type { Template } from '../../site/model/templates/library.ts';
import { claim, incidentFolderBase } from '../../site/model/write/slug.ts';
import { timestamp } from '../../site/model/write/timestamp.ts';
import { updateNames } from '../../site/model/write/update-names.ts';
import { Asker } from '../lib/ask.ts';
import { CliError } from '../lib/cli-error.ts';
import { composeMessage } from '../lib/message.ts';
import { composeFile } from '../lib/write.ts';
import type { Signal } from './signal.ts';

export const OPEN_TEMPLATE = 'investigating-detected';
export const RESOLVE_TEMPLATE = 'resolved-detected';

export interface DraftFiles {
  id: string;
  dir: string;
  title: string;
  files: Record<string, string>;
}

function template(templates: Template[], id: string): Template {
  const found = templates.find((x) => x.id === id);
  if (!found) throw new CliError(`no "${id}" template: Candor's own is missing and templates/ has none`, 2);
  return found;
}

/** Nobody is asked anything: the templates used here need only facts Candor knows. */
const NO_QUESTIONS = new Asker(false);

export async function incidentDraft(root: string, site: Site, templates: Template[], signal: Signal, at: Date): Promise<DraftFiles> {
  const tpl = template(templates, OPEN_TEMPLATE);
  const next = new Date(at.getTime() + (tpl.meta.next_update_minutes ?? 30) * 60_000);
  const { text } = await composeMessage(site, tpl, { components: [signal.component], regions: signal.regions, at, since: signal.since, nextUpdate: next }, {}, NO_QUESTIONS);
  const locale = site.config.locale;
  const name = localize(site.config.components.find((c) => c.id === signal.component)?.name ?? signal.component, locale, locale);
  const title = t(locale, 'template.detectedTitle', { component: name });
  const base = incidentFolderBase(timestamp(signal.since).slice(0, 10), title, 'incident');
  const id = claim(base, (n) => existsSync(join(root, 'incidents', n)));
  const dir = `incidents/${id}`;
  const impact = signal.impact ?? tpl.meta.impact ?? Object.keys(site.config.impacts)[0];
  const state = signal.impact ? site.config.impacts[signal.impact]?.component_state : tpl.meta.state;
  const updatePath = `${dir}/${updateNames([at])[0]!.stem}.md`;
  return {
    id,
    dir,
    title,
    files: {
      [`${dir}/index.md`]: composeFile(`${dir}/index.md`, { title, kind: 'incident', impact, components: [signal.component], regions: signal.regions, started: signal.since }),
      [updatePath]: composeFile(updatePath, { status: 'investigating', next_update: next, components: state ? { [signal.component]: state } : undefined }, text),
    },
  };
}

export async function resolveDraft(site: Site, templates: Template[], incident: Incident, signal: Signal, at: Date): Promise<{ path: string; content: string }> {
  const tpl = template(templates, RESOLVE_TEMPLATE);
  const components = incident.components;
  const { text } = await composeMessage(site, tpl, { components, regions: incident.regions ?? [], at, since: signal.since }, {}, NO_QUESTIONS);
  const stems = incident.updates.map((u) => u.file.split('/').pop()!.replace(/\.md$/, ''));
  const path = `${incident.dir}/${updateNames([at], stems)[0]!.stem}.md`;
  return { path, content: composeFile(path, { status: 'resolved', data_loss: tpl.meta.data_loss, components: Object.fromEntries(components.map((c) => [c, 'operational' as const])) }, text) };
}
