// A throwaway git repository for tests that read history (notifications): write files, commit, get the id.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { testdir } from './testdir.ts';

/** Who test commits are by, so tests work on machines without a git identity. */
export const GIT_IDENTITY = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };

/** Runs git in `cwd` as the test identity; its output, trimmed. */
export const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_IDENTITY }, encoding: 'utf8' }).trim();

export interface GitRepo {
  root: string;
  /** Writes the files and commits them; returns the commit id. */
  commit(files: Record<string, string>, message?: string): string;
}

export function gitRepo(config: string): GitRepo {
  const root = testdir({}, { config });
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'config');
  return {
    root,
    commit(files, message = 'content') {
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      git(root, 'add', '-A');
      git(root, 'commit', '--quiet', '-m', message);
      return git(root, 'rev-parse', 'HEAD');
    },
  };
}
