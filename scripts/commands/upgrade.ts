// `candor upgrade`: take a later Candor into a team's own status site without touching its content.
// The team's incidents and config are theirs; everything else in the repository is Candor's code, taken
// as the new version has it. Recorded as a merge, so the next upgrade knows which version it starts from.
import { git } from '../lib/git.ts';
import { parse, rootOf } from '../lib/args.ts';
import { CliError } from '../lib/cli-error.ts';

/** What a team writes; an upgrade never changes these. */
export const TEAM_PATHS = ['incidents', 'candor.config.yaml'];

const HELP = `Usage: candor upgrade <ref> [--keep PATH]... [--root DIR]

Takes the Candor version at <ref> (for example candor/main or candor/v0.2.0, after
"git remote add candor <Candor's repository URL>" and "git fetch candor") into this repository:
every file as <ref> has it, except incidents/, candor.config.yaml and any --keep path, which stay
exactly as they are. Files Candor removed since the version you had are removed. The result is one
merge commit; run "npm install" and "npm test" (or "candor check") afterwards.

  --keep PATH   another path that is yours (say, a customised site/styles/); repeatable`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { keep: { type: 'string', multiple: true } }, true);
  if (values.help) return console.log(HELP), 0;
  const [ref] = positionals;
  if (!ref || positionals.length > 1) throw new CliError(`name one version to take, e.g. "candor upgrade candor/main"\n\n${HELP}`, 2);
  const root = rootOf(values.root);
  const gitOrFail = (args: string[]) => {
    try {
      return git(root, args).trim();
    } catch (e) {
      throw new CliError(`git ${args.join(' ')} failed: ${String((e as { stderr?: string }).stderr ?? e).trim()}`);
    }
  };
  if (gitOrFail(['status', '--porcelain'])) throw new CliError('the working tree has uncommitted changes; commit or stash them first, so the upgrade is one clean commit');
  let target: string;
  try {
    target = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
  } catch {
    throw new CliError(`no version "${ref}" in this repository; fetch it first: git remote add candor <Candor's repository URL> && git fetch candor`, 2);
  }
  if (isAncestor(root, target, 'HEAD')) return console.log(`already up to date with ${ref}`), 0;

  const keep = [...TEAM_PATHS, ...(values.keep ?? [])];
  const except = keep.map((p) => `:(exclude)${p}`);
  // A repository made with "Use this template" shares no history with Candor: the first upgrade has no
  // earlier version to compare with, so it removes nothing; later ones do.
  const base = mergeBase(root, target);
  gitOrFail(['merge', '--strategy=ours', '--no-commit', '--allow-unrelated-histories', target]);
  gitOrFail(['checkout', target, '--', '.', ...except]);
  const removed = base ? gitOrFail(['diff', '--name-only', '--diff-filter=D', base, target, '--', '.', ...except]).split('\n').filter(Boolean) : [];
  if (removed.length) gitOrFail(['rm', '--quiet', '--ignore-unmatch', '--', ...removed]);
  gitOrFail(['commit', '--quiet', '--no-verify', '-m', `Take Candor ${ref} (${target.slice(0, 12)})\n\nEverything but ${keep.join(', ')} as ${ref} has it.`]);
  const changed = gitOrFail(['diff', '--name-only', 'HEAD^1', 'HEAD']).split('\n').filter(Boolean).length;
  console.log(`took ${ref} (${target.slice(0, 12)}): ${changed} file(s) changed${removed.length ? `, ${removed.length} removed` : ''}; ${keep.join(', ')} untouched`);
  console.log('next: npm install && npm test');
  return 0;
}

function isAncestor(root: string, a: string, b: string): boolean {
  try {
    git(root, ['merge-base', '--is-ancestor', a, b]);
    return true;
  } catch {
    return false;
  }
}

function mergeBase(root: string, target: string): string | undefined {
  try {
    return git(root, ['merge-base', 'HEAD', target]).trim() || undefined;
  } catch {
    return undefined;
  }
}
