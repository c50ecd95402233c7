// A team's own status site, started from this repository, takes later Candor versions with
// `candor upgrade` while its incidents and config stay byte for byte as the team wrote them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { GIT_IDENTITY } from '../helpers/git-repo.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

type Repo = { root: string; git: (...args: string[]) => string; write: (files: Record<string, string | null>, message: string) => void };

/** Git and file operations on a repository at `root`. */
function open(root: string): Repo {
  dirs.push(root);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, ...GIT_IDENTITY }, encoding: 'utf8' }).trim();
  const write = (changes: Record<string, string | null>, message: string) => {
    for (const [path, content] of Object.entries(changes)) {
      if (content === null) rmSync(join(root, path), { recursive: true });
      else mkdirSync(dirname(join(root, path)), { recursive: true }), writeFileSync(join(root, path), content);
    }
    git('add', '-A');
    git('commit', '--quiet', '-m', message);
  };
  return { root, git, write };
}

function repo(files: Record<string, string>, message = 'Candor v1'): Repo {
  const r = open(mkdtempSync(join(tmpdir(), 'candor-upgrade-')));
  r.git('init', '--quiet', '--initial-branch=main');
  r.write(files, message);
  return r;
}

const CANDOR_V1 = {
  'candor.config.yaml': 'name: Ledgerly\n',
  'incidents/2026-11-23-example/index.md': 'the example incident\n',
  'site/model/status.ts': 'export const v = 1;\n',
  'site/model/retired.ts': 'export const gone = true;\n',
  'README.md': '# Candor\n',
};
const TEAM = { 'candor.config.yaml': 'name: Acme\n', 'incidents/2027-01-05-login-errors/index.md': 'our incident\n' };

/** A team repository started from Candor v1 the documented way: example content out, theirs in. */
function teamFrom(candor: Repo, how: 'clone' | 'template'): Repo {
  let team: Repo;
  if (how === 'clone') {
    team = open(mkdtempSync(join(tmpdir(), 'candor-team-')));
    execFileSync('git', ['clone', '--quiet', '--origin', 'candor', candor.root, team.root]);
  } else {
    // "Use this template" on GitHub: the same files in a new history that shares no commit with Candor.
    // (Its own first message, or the commit would be byte-identical to Candor's and share its id.)
    team = repo(Object.fromEntries(Object.keys(CANDOR_V1).map((p) => [p, readFileSync(join(candor.root, p), 'utf8')])), 'Initial commit');
    team.git('remote', 'add', 'candor', candor.root);
  }
  team.write({ 'incidents/2026-11-23-example': null, ...TEAM }, 'Our status site');
  return team;
}

describe('candor upgrade', () => {
  for (const how of ['clone', 'template'] as const) {
    it(`takes new code and leaves incidents and config untouched (started by ${how})`, () => {
      const upstream = repo(CANDOR_V1);
      const team = teamFrom(upstream, how);
      upstream.write({ 'site/model/status.ts': 'export const v = 2;\n', 'site/model/added.ts': 'export const added = 1;\n', 'candor.config.yaml': 'name: Ledgerly\nlocale: en\n', 'incidents/2026-11-23-example/index.md': 'edited example\n', 'site/model/retired.ts': null }, 'v2');
      team.git('fetch', '--quiet', 'candor');

      const r = candor(['upgrade', 'candor/main', '--root', team.root], { env: GIT_IDENTITY });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^took candor\/main \([0-9a-f]{12}\): \d+ file\(s\) changed.*; incidents, candor\.config\.yaml untouched\nnext: npm install && npm test\n$/);
      const read = (p: string) => readFileSync(join(team.root, p), 'utf8');
      expect(read('candor.config.yaml')).toBe(TEAM['candor.config.yaml']);
      expect(read('incidents/2027-01-05-login-errors/index.md')).toBe('our incident\n');
      expect(existsSync(join(team.root, 'incidents/2026-11-23-example'))).toBe(false);
      expect(read('site/model/status.ts')).toBe('export const v = 2;\n');
      expect(read('site/model/added.ts')).toBe('export const added = 1;\n');
      expect(team.git('status', '--porcelain')).toBe('');
      expect(team.git('log', '-1', '--format=%P').split(' ')).toHaveLength(2);
      // Started from a template, the first upgrade has no earlier version to compare with, so it removes nothing.
      expect(existsSync(join(team.root, 'site/model/retired.ts'))).toBe(how === 'template');

      // The next version: the merge recorded which version the team has, so removals are taken too.
      upstream.write({ 'site/model/status.ts': 'export const v = 3;\n', 'site/model/added.ts': null }, 'v3');
      team.git('fetch', '--quiet', 'candor');
      expect(candor(['upgrade', 'candor/main', '--root', team.root], { env: GIT_IDENTITY }).code).toBe(0);
      expect(read('site/model/status.ts')).toBe('export const v = 3;\n');
      expect(existsSync(join(team.root, 'site/model/added.ts'))).toBe(false);
      expect(read('candor.config.yaml')).toBe(TEAM['candor.config.yaml']);

      expect(candor(['upgrade', 'candor/main', '--root', team.root]).stdout).toBe('already up to date with candor/main\n');
    });
  }

  it('keeps --keep paths, and refuses a dirty tree or an unknown version with one message', () => {
    const upstream = repo(CANDOR_V1);
    const team = teamFrom(upstream, 'clone');
    team.write({ 'README.md': '# Acme status\n' }, 'our readme');
    upstream.write({ 'README.md': '# Candor v2\n', 'site/model/status.ts': 'export const v = 2;\n' }, 'v2');
    team.git('fetch', '--quiet', 'candor');

    const unknown = candor(['upgrade', 'candor/nope', '--root', team.root]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('candor: no version "candor/nope" in this repository; fetch it first: git remote add candor <Candor\'s repository URL> && git fetch candor\n');

    writeFileSync(join(team.root, 'candor.config.yaml'), 'name: Acme (editing)\n');
    const dirty = candor(['upgrade', 'candor/main', '--root', team.root]);
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toMatch(/^candor: the working tree has uncommitted changes; commit or stash them first/);
    team.git('checkout', '--', 'candor.config.yaml');

    expect(candor(['upgrade', 'candor/main', '--keep', 'README.md', '--root', team.root], { env: GIT_IDENTITY }).code).toBe(0);
    expect(readFileSync(join(team.root, 'README.md'), 'utf8')).toBe('# Acme status\n');
    expect(readFileSync(join(team.root, 'site/model/status.ts'), 'utf8')).toBe('export const v = 2;\n');
  });
});
