// `candor github issue-update`: an issue from either form becomes content through the one writer, `candor new`
// or `candor update`/`candor resolve`, with the same checks. The form is told apart by its first field.
import { siteMoment } from '../../site/model/example-clock.ts';
import { loadValidOrFail } from '../lib/load.ts';
import { CliError } from '../lib/cli-error.ts';
import { run as openIncident } from '../commands/new.ts';
import { post } from '../commands/update.ts';
import { checkChosenIncident } from './chosen-incident.ts';
import { firstHeading } from './form-sections.ts';
import { FIELDS, formToArgs } from './issue-form.ts';
import { OPEN_FIELDS, openFormToArgs } from './open-form.ts';

export async function postFromIssue(root: string, body: string, at: string, now: Date): Promise<number> {
  // The root goes first: everything after a form's `--` is the incident, never an option.
  if (firstHeading(body) === OPEN_FIELDS.title) {
    const form = openFormToArgs(body, at);
    if (!form.ok) throw new CliError(form.problems.join('\n'), 1);
    return openIncident([`--root=${root}`, ...form.argv]);
  }
  if (firstHeading(body) !== FIELDS.incident) throw new CliError(`this issue was not made with the "Open an incident" or "Status update" form (its first heading should be "### ${OPEN_FIELDS.title}" or "### ${FIELDS.incident}"): open a new issue from one of them`, 1);
  const form = formToArgs(body, at);
  if (!form.ok) throw new CliError(form.problems.join('\n'), 1);
  const { site } = await loadValidOrFail(root, now);
  const chosen = checkChosenIncident(site, form.incident, siteMoment(site.config, now));
  if (!chosen.ok) throw new CliError(chosen.problem, 1);
  return post([`--root=${root}`, ...form.argv], form.mode);
}
