// `candor postmortem <incident>`: a draft postmortem.md prefilled from the timeline, to finish and review in a PR.
import { postmortemDraft } from '../../site/model/postmortem-draft.ts';
import { nowOf, parse, rootOf } from '../lib/args.ts';
import { interactive } from '../lib/ask.ts';
import { chooseIncident, forPostmortem } from '../lib/choose.ts';
import { CliError } from '../lib/cli-error.ts';
import { validationTime } from '../lib/context.ts';
import { refuseBroken } from '../lib/broken.ts';
import { loadValidOrFail } from '../lib/load.ts';
import { shellQuote } from '../lib/shell.ts';
import { writeContent } from '../lib/write.ts';

const HELP = `Usage: candor postmortem [<incident>] [--at TIME] [--yes] [--dry-run] [--root DIR]

Without <incident>, a terminal offers the resolved incidents that have no postmortem yet, newest first;
with --yes (as in every writing command) nothing is asked, and <incident> is required.

Writes incidents/<incident>/postmortem.md: summary, impact, timeline, root cause, resolution and what we will
change, with everything the timeline already says filled in. The sections only people can write are
{{placeholders}}. The file is written as a draft ("draft: true"): no build publishes it. To publish, fill in
every placeholder and replace "draft: true" with "published: <time>"; a build refuses unfilled placeholders.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { at: { type: 'string' }, yes: { type: 'boolean', short: 'y' }, 'dry-run': { type: 'boolean' } }, true);
  if (values.help) return console.log(HELP), 0;
  if (positionals.length > 1) throw new CliError('name one incident: candor postmortem <incident>', 2);
  const at = nowOf(values.at);
  const { site, broken } = await loadValidOrFail(rootOf(values.root), validationTime(at));
  refuseBroken(site, broken, positionals[0], 'postmortem');
  const found = { incident: await chooseIncident(site, positionals[0], forPostmortem(site, at), 'postmortem', interactive(values.yes)) };
  const path = `${found.incident.dir}/postmortem.md`;
  const text = postmortemDraft(site, found.incident, at);
  if (values['dry-run']) return console.log(`--- ${path}\n${text}`), 0;
  await writeContent(rootOf(values.root), { [path]: text }, validationTime(at));
  console.log(`Wrote (as a draft, not published):\n  ${path}\n\nFill in the {{placeholders}} and replace "draft: true" with "published: <time>", then: git checkout -b postmortem/${found.incident.id} && git add ${path} && git commit -m ${shellQuote(`Postmortem: ${found.incident.title}`)} && git push, and open a pull request for review.`);
  return 0;
}
