// `candor init [dir]`: a new status site that holds only its owner's things — config, incidents, announcements,
// a package.json depending on Candor by version, and workflows calling Candor's versioned reusable workflows —
// and, with --from, the same layout made from an older fork-style site (the fork is read, never changed).
import { basename, resolve } from 'node:path';
import { nowOf, parse } from '../lib/args.ts';
import { CliError } from '../lib/cli-error.ts';
import { generatedForms } from '../github/write-forms.ts';
import { forkFiles } from '../init/from-fork.ts';
import { ownPackage } from '../init/own-package.ts';
import { siteFiles } from '../init/site-files.ts';
import { candorRepository, workflowTag } from '../init/workflows.ts';
import { assertEmptyOrAllowed, writeSite } from '../init/write-site.ts';

const HELP = `Usage: candor init [dir] [--name NAME] [--from FORK_DIR] [--force]

Writes a new status site into dir (default: the current folder): an annotated candor.config.yaml, incidents/ and
announcements/, a package.json that depends on this Candor version, .nvmrc, .gitignore, GitHub workflows that call
Candor's reusable workflows (validate, deploy, and the on-call automation: status updates from the issue forms,
issue-forms, watchdog, refresh, postmortem, pr-comment, monitor), the issue forms in .github/ISSUE_TEMPLATE, and
a Dependabot config so Candor upgrades arrive as pull requests. Then:

  npm install && npx candor lint && npx candor build

  --name NAME      the site's name (default: the folder's name)
  --from FORK_DIR  move a site that is a fork of Candor's repository: its config, incidents, announcements,
                   templates and any file of its own are copied unchanged; its .github/ is kept for comparison
                   under .github/from-fork/; Candor's own code, docs and tests are left behind
  --force          write into a folder that is not empty (files already there are never replaced)`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { name: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean', default: false } }, true);
  if (values.help) return console.log(HELP), 0;
  if (positionals.length > 1) throw new CliError(`name one folder, e.g. "candor init my-status"\n\n${HELP}`, 2);
  const dir = resolve(values.root, positionals[0] ?? '.');
  assertEmptyOrAllowed(dir, values.force);
  const own = ownPackage();
  const folder = basename(dir);
  const starter = siteFiles({
    name: values.name ?? folder,
    packageName: folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '') || 'status',
    candorVersion: own.version,
    workflows: { repo: candorRepository(own.repositoryUrl), tag: workflowTag(own.version) },
  });
  // A fork's own files win over the starter's: its config and content are the site.
  const fork = values.from ? forkFiles(resolve(values.from)) : undefined;
  const result = writeSite(dir, { ...starter, ...fork?.files });
  // The phone forms, from the site just written (its config and open incidents), by the generator the issue-forms
  // workflow runs: one writer of their text. Like every file here, a form already there is kept.
  let formsNote: string | undefined;
  try {
    const forms = writeSite(dir, await generatedForms(dir, nowOf(values.now)));
    result.written.push(...forms.written);
    result.kept.push(...forms.kept);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    formsNote = `the issue forms were not written: ${error.message}\nfix that, then run "npx candor github issue-forms"`;
  }
  console.log(`wrote ${result.written.length} file(s) into ${dir}${result.kept.length ? `; kept ${result.kept.length} already there: ${result.kept.join(', ')}` : ''}`);
  if (fork) for (const line of fork.report) console.log(line);
  if (formsNote) console.log(formsNote);
  console.log(`next: cd ${positionals[0] ?? '.'} && npm install && npx candor lint && npx candor build`);
  return 0;
}
