// `candor templates`: the prepared messages available, and what each asks for.
import { templateVariables } from '../../site/model/templates/fill.ts';
import { loadTemplates, templatesFor } from '../../site/model/templates/library.ts';
import { formatErrors } from '../../site/model/errors.ts';
import { parse, rootOf } from '../lib/args.ts';
import { CliError } from '../lib/cli-error.ts';
import { loadConfigOrFail } from '../lib/load.ts';

const HELP = `Usage: candor templates [--locale LOCALE] [--show ID] [--root DIR]

Lists the prepared messages (built in, plus the team's own in templates/<locale>/<id>.md).`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { locale: { type: 'string' }, show: { type: 'string' } });
  if (values.help) return console.log(HELP), 0;
  const root = rootOf(values.root);
  // The config's language is all it needs: a broken incident must not hide the templates during an outage.
  const config = await loadConfigOrFail(root);
  const loaded = await loadTemplates(root);
  if (!loaded.ok) throw new CliError(formatErrors(loaded.errors));
  const list = templatesFor(loaded.value, values.locale ?? config.locale);
  if (values.show) {
    const t = list.find((x) => x.id === values.show);
    if (!t) throw new CliError(`no template "${values.show}"; known: ${list.map((x) => x.id).join(', ')}`, 2);
    console.log(`${t.id} (${t.locale}, ${t.file})\n${t.meta.name}\n\n${t.body}`);
    return 0;
  }
  for (const t of list) {
    const vars = templateVariables(t.body).map((v) => v.name + (v.optional ? '?' : '')).join(', ');
    console.log(`${t.id.padEnd(30)} ${t.meta.kind.padEnd(12)} ${t.meta.status.padEnd(14)} ${t.meta.name}\n${' '.repeat(31)}fills: ${vars}`);
  }
  return 0;
}
