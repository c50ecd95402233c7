// `candor upgrade`: a site takes a later Candor the way it takes any dependency — a version bump in package.json,
// reviewed as a pull request (Dependabot or Renovate open one; `npm install candor@latest` does it by hand). Nothing
// is copied over the site's files. A site that is still a fork of Candor's repository is told how to move.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, rootOf } from '../lib/args.ts';
import { CliError } from '../lib/cli-error.ts';
import { FORM_PATHS } from '../github/form-templates.ts';
import { ownPackage } from '../init/own-package.ts';
import { candorRepository, siteWorkflows, workflowTag } from '../init/workflows.ts';

const HELP = `Usage: candor upgrade [--root DIR]

Candor is a dependency of your site (package.json). Upgrading is a version bump:

  npm install candor@latest     then commit package.json and package-lock.json

or merge the pull request Dependabot (.github/dependabot.yml, written by "candor init") or Renovate opens. Your
workflows call Candor's reusable workflows by major-version tag (@v0); Dependabot's github-actions updates move
that tag with a major release. A workflow or issue form that Candor added after the site was made is named, with
the command that adds what is missing and replaces nothing ("npx candor init --force ."). A site that is a fork
of Candor's repository moves to this layout first:

  npx candor init ../my-status --from .`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {}, true);
  if (values.help) return console.log(HELP), 0;
  if (positionals.length) throw new CliError(`candor upgrade takes no version any more: Candor is a dependency, upgraded with "npm install candor@${positionals[0]!.replace(/^.*\/v?/, '')}"\n\n${HELP}`, 2);
  const root = rootOf(values.root);
  // A fork carries Candor's own code at its root; a site made by init has none of it.
  if (existsSync(join(root, 'site', 'pages')) && existsSync(join(root, 'astro.config.mjs'))) {
    throw new CliError(`${root} is a fork of Candor's repository: move it to a site that depends on Candor by version, keeping every file of yours:\n\n  npx candor init ../${basename(root)}-site --from .\n\nthen upgrades arrive as dependency bumps ("candor upgrade --help")`, 2);
  }
  const manifest = join(root, 'package.json');
  const wanted = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> }).dependencies?.candor : undefined;
  if (!wanted) throw new CliError(`${manifest} does not depend on candor: run "npm install candor" (or start a site with "npx candor init")`, 2);
  console.log(`this site depends on candor ${wanted} (installed: ${ownPackage().version})`);
  console.log('upgrade: npm install candor@latest, then commit package.json and package-lock.json (or merge the Dependabot/Renovate pull request)');
  // A site made by an older init lacks the callers (and forms) added since: the steps arrive by tag, a new caller
  // cannot, so it is named rather than silently missing.
  const own = ownPackage();
  const expected = [...Object.keys(siteWorkflows(candorRepository(own.repositoryUrl), workflowTag(own.version))), ...Object.values(FORM_PATHS)];
  const missing = expected.filter((path) => !existsSync(join(root, path)));
  if (missing.length) console.log(`missing ${missing.length} file(s) this Candor gives a site: ${missing.join(', ')}\nadd them (no file already there is replaced): npx candor init --force .`);
  return 0;
}
