// What `new`, `update` and `resolve` share: choosing a template, the time of posting, common help.
import type { Status } from '../../site/model/states.ts';
import type { Template } from '../../site/model/templates/library.ts';
import { nowOf } from '../lib/args.ts';
import type { Asker } from '../lib/ask.ts';
import { CliError } from '../lib/cli-error.ts';
import { knownList } from '../../site/model/suggest.ts';

export const UPDATE_HELP = `  --next-update WHEN            minutes from now (30) or a timestamp; default: the template's
  --set NAME=TEXT               fill a template's placeholder, e.g. --set what="pay invoices by card"
  --body TEXT                   write the message yourself instead of using a template
  --social TEXT                 a hand-written social post (default: derived from the message)
  --at TIME                     when it is posted (default: now, in UTC)
  --locale LOCALE               language of the template (default: the content's)
  --yes, -y                     never ask; fail naming the flag that is missing
  --dry-run                     print the files instead of writing them
  --root DIR                    folder with candor.config.yaml (default: .)`;

export const DRAFT_HELP = `  --resume                      pick up the answers of an unfinished run (kept after "n", a validation
                                failure or Ctrl-C; offered by itself in a terminal)
  --discard                     drop the unfinished answers and start afresh`;

export function atOf(value: string | undefined): Date {
  const d = nowOf(value);
  // Updates are named by their minute: stamp the minute, so the file name and the time agree.
  return new Date(Math.floor(d.getTime() / 60_000) * 60_000);
}

export async function pickTemplate(templates: Template[], ask: Asker, id: string | undefined, kind: 'incident' | 'maintenance', statuses?: Status[]): Promise<Template> {
  const fitting = templates.filter((t) => t.meta.kind === kind && (!statuses || statuses.includes(t.meta.status)));
  if (id !== undefined) {
    const found = templates.find((t) => t.id === id);
    if (!found) throw new CliError(`--template: no template "${id}"; ${knownList(id, templates.filter((t) => t.meta.kind === kind).map((t) => t.id))}`, 2);
    if (found.meta.kind !== kind) throw new CliError(`--template: "${id}" is for ${found.meta.kind}, not ${kind}`, 2);
    return found;
  }
  if (!ask.interactive) throw new CliError(`pass --template ID (${fitting.map((t) => t.id).join(', ')}) or --body TEXT`, 2);
  // The drafts monitoring opens have templates of their own; a person picks from the ones written for people.
  const offered = fitting.filter((t) => t.meta.for === 'people');
  const chosen = await ask.one(undefined, '--template', 'Which message?', offered.map((t) => ({ name: t.meta.name, value: t.id, description: t.id })));
  return offered.find((t) => t.id === chosen)!;
}
