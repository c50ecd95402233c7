// `candor import`: move in from Statuspage or cState. Reads the old page's data, writes incident folders
// and config entries, never replaces an existing file, and reports everything it had to guess.
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatError } from '../../site/model/errors.ts';
import { CONFIG_FILE } from '../../site/model/load/config.ts';
import { ANNOUNCEMENTS_DIR } from '../../site/model/load/announcements.ts';
import { INCIDENTS_DIR, loadSite } from '../../site/model/load/index.ts';
import { knownList } from '../../site/model/suggest.ts';
import { cstateDraft } from '../import/cstate/map.ts';
import { readCstate } from '../import/cstate/read.ts';
import type { Draft } from '../import/draft.ts';
import { planImport, type Plan } from '../import/plan.ts';
import { Report } from '../import/report.ts';
import { isTimeZone } from '../../site/model/time.ts';
import { readStatuspage } from '../import/statuspage/read.ts';
import { statuspageDraft } from '../import/statuspage/map.ts';
import { replaceWhole, wouldWrite, writeNew, type Outcome } from '../lib/write.ts';
import { nowOf, parse, rootOf } from '../lib/args.ts';
import { CliError } from '../lib/cli-error.ts';

const HELP = `Usage: candor import statuspage <file or folder>... [--dry-run] [--root DIR]
       candor import cstate <content folder> [--time-zone ZONE] [--dry-run] [--root DIR]

Moves a status page's history into Candor: one incident folder per incident or maintenance window, one
update file per update, postmortem.md where one was published, and the components and groups they need.

  statuspage <file>...  Statuspage API documents: incidents.json, scheduled-maintenances.json and
                        components.json (or summary.json), as served under /api/v2/; one incident as
                        /api/v2/incidents/<id>.json serves it, or a bare incident object; lists of
                        incidents saved from the management API; or folders of any of these (every
                        .json file under them). An incident in several files is read from its newest
                        capture (the later updated_at), reported
  cstate <folder>       a cState site's content/issues folder (or content/, or the site itself)

  --dry-run         print every file that would be written, with its contents; write nothing
  --time-zone ZONE  cState only: IANA zone for dates written without one (default: UTC)
  --root DIR        the Candor site to import into (default: .)
  --now TIME        the moment \`candor check\` runs as afterwards (default: now)

Existing files are never replaced: they are skipped and listed. Without a candor.config.yaml, one is
written; with one, the new components and groups are appended to its lists (comments and order kept), after
checking on a scratch copy that the site still passes \`candor check\` — if it would not, nothing is written.
Imported incidents keep their source ids (and Statuspage short links) in /api/v2, and are marked
\`imported\`: lint rules for live communication leave resolved history alone.
Exits 0 when everything was imported, 1 when something could not be (the rest is still written) or the
result does not pass \`candor check\`, 2 on a usage error (unknown source, missing or unreadable input).`;

const SOURCES = ['statuspage', 'cstate'];

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { 'dry-run': { type: 'boolean', default: false }, 'time-zone': { type: 'string' } }, true);
  if (values.help) return console.log(HELP), 0;
  const [source, ...inputs] = positionals;
  if (!source) throw new CliError(`import from where? Name the source: ${SOURCES.join(' or ')}\n\n${HELP}`, 2);
  if (!SOURCES.includes(source)) throw new CliError(`cannot import from "${source}"\n  fix: ${knownList(source, SOURCES)}`, 2);
  if (inputs.length === 0) {
    throw new CliError(source === 'statuspage' ? 'name the exported files, e.g. candor import statuspage incidents.json components.json' : 'name the cState content folder, e.g. candor import cstate ../status/content', 2);
  }
  const root = rootOf(values.root);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliError(`--root: "${values.root}" is not a folder`, 2);
  const now = nowOf(values.now);

  const report = new Report();
  let draft: Draft;
  if (source === 'statuspage') {
    if (values['time-zone']) throw new CliError('--time-zone is for cState; Statuspage times carry their own offsets', 2);
    draft = statuspageDraft(readStatuspage(inputs, report), report);
  } else {
    if (inputs.length > 1) throw new CliError('name one cState content folder', 2);
    const zone = values['time-zone'] ?? 'UTC';
    if (!isTimeZone(zone)) throw new CliError(`--time-zone: "${zone}" is not an IANA time zone\n  fix: use a name like "UTC", "Europe/Berlin" or "America/New_York"`, 2);
    draft = cstateDraft(readCstate(inputs[0]!, report), zone, report);
  }
  const plan = planImport(draft, root, `candor import ${source}`, report);

  if (values['dry-run']) {
    const outcome = wouldWrite(root, plan.files);
    console.log(`Dry run: nothing was written. Importing from ${draft.source} into ${root} would write:\n`);
    for (const file of plan.files) {
      if (outcome.skipped.includes(file.path)) console.log(`=== ${file.path} (exists: would be skipped)\n`);
      else console.log(`=== ${file.path}\n${file.content}`);
    }
    if (plan.mergedConfig) console.log(`=== ${CONFIG_FILE} (existing: new entries appended)\n${plan.mergedConfig.after}`);
    console.log(closing(draft, plan, outcome, report, true));
    return report.failed ? 1 : 0;
  }

  // Into an existing site, the result is checked on a scratch copy first: a site that builds must still build.
  if (existsSync(join(root, CONFIG_FILE))) {
    const problems = await rehearse(root, plan, now);
    if (problems) {
      console.error(`${report.format()}\n\n${problems}\n\nNothing was written: with these files the site would no longer pass \`candor check\`. Fix the above (in the export or in ${CONFIG_FILE}) and import again.`);
      return 1;
    }
  }
  const outcome = await applyPlan(root, plan);
  console.log(`Imported from ${draft.source} into ${root}:`);
  for (const path of outcome.written) console.log(`  wrote ${path}`);
  if (plan.mergedConfig) console.log(`  added entries to ${CONFIG_FILE}`);
  for (const path of outcome.skipped) console.log(`  skipped ${path} (it already exists; left as it was)`);
  console.log(`\n${closing(draft, plan, outcome, report, false)}`);

  // The promise is that the result passes `candor check`; say so, or show why not.
  const loaded = await loadSite(root, { now });
  if (!loaded.ok) {
    console.error(`\n${loaded.errors.map(formatError).join('\n')}\n\n${loaded.errors.length} problem(s): the content does not pass \`candor check\` yet.`);
    return 1;
  }
  const updates = loaded.value.incidents.reduce((n, i) => n + i.updates.length, 0);
  console.log(`\ncandor check: ok — ${loaded.value.incidents.length} incidents and maintenance windows, ${updates} updates.`);
  return report.failed ? 1 : 0;
}

async function applyPlan(root: string, plan: Plan): Promise<Outcome> {
  const outcome = await writeNew(root, plan.files);
  if (plan.mergedConfig) await replaceWhole(join(root, CONFIG_FILE), plan.mergedConfig.after);
  return outcome;
}

/**
 * Applies the plan to a copy of what `candor check` reads; the problems the import would add, or undefined.
 * Problems the site already had are not the import's, and do not stop it.
 */
async function rehearse(root: string, plan: Plan, now: Date): Promise<string | undefined> {
  const scratch = mkdtempSync(join(tmpdir(), 'candor-import-check-'));
  const problems = async () => {
    const loaded = await loadSite(scratch, { now });
    return loaded.ok ? [] : loaded.errors.map(formatError);
  };
  try {
    cpSync(join(root, CONFIG_FILE), join(scratch, CONFIG_FILE));
    for (const dir of [INCIDENTS_DIR, ANNOUNCEMENTS_DIR]) if (existsSync(join(root, dir))) cpSync(join(root, dir), join(scratch, dir), { recursive: true });
    const before = new Set(await problems());
    await applyPlan(scratch, plan);
    const added = (await problems()).filter((p) => !before.has(p));
    return added.length ? `${added.join('\n')}\n\n${added.length} new problem(s)` : undefined;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function closing(draft: Draft, plan: Plan, outcome: Outcome, report: Report, dryRun: boolean): string {
  const verb = dryRun ? 'would be' : 'were';
  const lines = [
    `${plan.incidents} incident(s) and ${plan.maintenance} maintenance window(s) with ${plan.updates} update(s)${plan.announcements ? ` and ${plan.announcements} announcement(s)` : ''} from ${draft.source}; ` +
      `${plan.newComponents} new component(s), ${plan.newGroups} new group(s). ${outcome.written.length} file(s) ${verb} written, ${outcome.skipped.length} skipped as existing.`,
    '',
    report.format(),
  ];
  return lines.join('\n');
}
