// The "Open an incident" issue form: title, impact, components, regions, the first message and optionally the
// components' state, turned into `candor new` flags, so the incident is written and validated exactly as one
// opened at a laptop.
import { FIELDS as UPDATE_FIELDS, checkMessage, componentFlags } from './issue-form.ts';
import { chosenIds, isId } from './form-choices.ts';
import { readSections, shown, type FormLayout } from './form-sections.ts';

/** Labels of the form's fields (.github/ISSUE_TEMPLATE/open-incident.yml), as they head the issue body. */
export const OPEN_FIELDS = {
  title: 'Title',
  impact: 'Impact',
  components: 'Affected components',
  regions: 'Affected regions',
  message: UPDATE_FIELDS.message,
  next: UPDATE_FIELDS.next,
  state: 'State of the affected components',
} as const;

export const OPEN_FORM: FormLayout = {
  name: 'Open an incident',
  labels: [OPEN_FIELDS.title, OPEN_FIELDS.impact, OPEN_FIELDS.components, OPEN_FIELDS.regions, OPEN_FIELDS.message, OPEN_FIELDS.next, OPEN_FIELDS.state],
  free: OPEN_FIELDS.message,
};

/** The schema's limit for a title (site/model/schema/incident.ts). */
const MAX_TITLE = 200;

export type OpenResult = { ok: true; argv: string[] } | { ok: false; problems: string[] };

/** Same guarantees as the update form: allow-listed answers, each in its own `--flag=value`, nothing read as an option. */
export function openFormToArgs(body: string, at: string): OpenResult {
  const { values: f, problems } = readSections(body, OPEN_FORM);
  const title = f[OPEN_FIELDS.title];
  const impact = f[OPEN_FIELDS.impact];
  const components = f[OPEN_FIELDS.components];
  const regions = f[OPEN_FIELDS.regions];
  if (!title) problems.push(`"${OPEN_FIELDS.title}" is empty: say what customers experience, e.g. Card payments fail in Europe`);
  else if (title.length > MAX_TITLE) problems.push(`"${OPEN_FIELDS.title}" is ${title.length} characters long: keep it under ${MAX_TITLE}`);
  if (!impact) problems.push(`"${OPEN_FIELDS.impact}" is empty: choose one from the list`);
  else if (!isId(impact)) problems.push(`"${OPEN_FIELDS.impact}" reads ${shown(impact)}: choose one from the list`);
  const componentIds = components ? chosenIds(components) : undefined;
  if (!components) problems.push(`"${OPEN_FIELDS.components}" is empty: choose at least one from the list`);
  else if (!componentIds) problems.push(`"${OPEN_FIELDS.components}" reads ${shown(components)}, which is not a choice of the form's list: choose from the list`);
  const regionIds = regions ? chosenIds(regions) : [];
  if (!regionIds) problems.push(`"${OPEN_FIELDS.regions}" reads ${shown(regions!)}, which is not a choice of the form's list: choose from the list, or none for all regions`);
  checkMessage(problems, f[OPEN_FIELDS.message], f[OPEN_FIELDS.next]);
  const state = f[OPEN_FIELDS.state];
  const states = state ? componentFlags(problems, { components: OPEN_FIELDS.components, state: OPEN_FIELDS.state }, components, state) : [];
  if (problems.length) return { ok: false, problems };
  const argv = ['--yes', '--kind=incident', `--title=${title}`, `--impact=${impact}`, `--components=${componentIds!.join(',')}`, `--body=${f[OPEN_FIELDS.message]}`, `--at=${at}`];
  if (regionIds!.length) argv.push(`--regions=${regionIds!.join(',')}`);
  argv.push(`--next-update=${f[OPEN_FIELDS.next] ?? '30'}`);
  return { ok: true, argv: [...argv, ...states] };
}
