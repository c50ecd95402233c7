// The changes the benchmark makes to a generated site between builds.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { iso, markdownFile, MINUTE, spoken, stem } from '../generate/files.ts';

/**
 * Posts the next update on the incident that is open: what happens during an outage, when the rebuild is what
 * stands between the on-call engineer and customers. Returns the moment to build for, just after it.
 */
export function postUpdate(root: string, incident: string, now: Date): Date {
  const at = new Date(now.getTime() + 4 * MINUTE);
  const next = new Date(at.getTime() + 30 * MINUTE);
  const body = `We are still working on the fix. Some customers still see errors; everything else is working normally. We will post again by ${spoken(next)}.`;
  writeFileSync(join(root, 'incidents', incident, `${stem(at)}.md`), markdownFile({ status: 'identified', next_update: iso(next) }, body));
  return new Date(at.getTime() + MINUTE);
}

/**
 * Commits everything in the site, as the engineer's push does (a repository is made the first time): a status
 * page's history lives in git, and the build takes the ids of unchanged files from git's index. Without git the
 * site stays a plain folder and every build reads every file.
 */
export function commitAll(root: string, message: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
  // No automatic gc: it would pack objects in the background while the build runs.
  const git = (...args: string[]) => spawnSync('git', ['-c', 'gc.auto=0', ...args], { cwd: root, env, encoding: 'utf8' });
  // Its own repository, always: the benchmark's folder sits inside Candor's work tree, and `git add -A` there would
  // commit whatever the developer has not (it did, once).
  if (git('rev-parse', '--show-toplevel').stdout?.trim() !== realpathSync(root) && git('init', '--quiet').status !== 0) return;
  git('add', '-A', '.');
  git('commit', '--quiet', '--no-verify', '-m', message);
}

/**
 * A copy of the site with only the incidents that started in the last `days` days (plus everything else): the same
 * recent past without the long history, to show the home page does not depend on how long the history is.
 */
export function recentOnly(root: string, copy: string, now: Date, days: number): void {
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(join(copy, 'incidents'), { recursive: true });
  // Everything but the incidents: the config and the files it names (logos, measurements).
  for (const name of readdirSync(root)) if (name !== 'incidents') cpSync(join(root, name), join(copy, name), { recursive: true });
  const since = new Date(now.getTime() - days * 24 * 60 * MINUTE).toISOString().slice(0, 10);
  for (const name of readdirSync(join(root, 'incidents'))) {
    if (name.slice(0, 10) >= since) cpSync(join(root, 'incidents', name), join(copy, 'incidents', name), { recursive: true });
  }
}
