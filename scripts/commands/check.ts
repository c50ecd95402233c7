// `candor check`: validate everything the build would read, without building.
import { nowOf, parse, rootOf } from '../lib/args.ts';
import { loadOrFail } from '../lib/load.ts';

const HELP = `Usage: candor check [--root DIR] [--now TIMESTAMP]

Reads candor.config.yaml and every file under incidents/, and reports every problem at once.
Exits 0 when all is valid, 1 when anything is not.`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {});
  if (values.help) return console.log(HELP), 0;
  const site = await loadOrFail(rootOf(values.root), nowOf(values.now));
  const updates = site.incidents.reduce((n, i) => n + i.updates.length, 0);
  console.log(`ok: ${site.incidents.length} incidents and maintenance windows, ${updates} updates, ${site.config.mirrors.length} mirror(s)`);
  return 0;
}
