// Every entry point refuses a Node below the floor with one line naming the version needed and how to
// get it, before installing, building or loading any .ts file; on the floor and above, it runs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, FLOOR } from '../../bin/node-floor.js';
import { CLI, REPO } from '../helpers/paths.ts';
import { node20, nodeBinary, NPM_CLI } from '../helpers/node-versions.ts';

const ONE_LINE = new RegExp(`^Candor needs Node\\.js ${FLOOR} or newer \\(this is Node (\\d+\\.\\d+\\.\\d+)\\): run "nvm install" in this folder, or get Node 24 LTS from https://nodejs\\.org/en/download\\n$`);

// A throwaway project holding only the manifest and the launcher: were the check ever to let an old Node
// through, `npm start` there would fail fast instead of reinstalling this checkout with the wrong Node.
let project: string;
beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'candor-floor-'));
  cpSync(join(REPO, 'package.json'), join(project, 'package.json'));
  cpSync(join(REPO, 'bin'), join(project, 'bin'), { recursive: true });
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** `node <args>`, or `npm <args>` with `npm` as command, run by the given Node, first on PATH as on a user's machine. */
function run(node: string, command: 'node' | 'npm', args: string[], cwd = REPO) {
  const env = { ...process.env, PATH: `${dirname(node)}:/usr/bin:/bin`, npm_config_update_notifier: 'false' };
  const r = spawnSync(node, command === 'npm' ? [NPM_CLI, ...args] : args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// 20 is Debian's; 22.12 is the floor the README used to state, where .ts cannot load; 22.18 loads .ts
// but lacks Intl.DurationFormat and used to fail in the middle of a build.
const OLD = [
  { label: 'Node 20 (the system Node here)', node: node20 },
  { label: 'Node 22.12.0', node: () => nodeBinary('22.12.0') },
  { label: 'Node 22.18.0', node: () => nodeBinary('22.18.0') },
];

describe('below the floor', () => {
  for (const old of OLD) {
    describe(old.label, () => {
      let node: string;
      beforeAll(() => void (node = old.node()), 180_000);

      for (const args of [['--help'], ['build', '--out', '/nonexistent/never-written'], ['check']]) {
        it(`candor ${args[0]} prints the one line and exits 1`, () => {
          const r = run(node, 'node', [CLI, ...args]);
          expect(r.stderr).toMatch(ONE_LINE);
          expect(r.stdout).toBe('');
          expect(r.code).toBe(1);
        });
      }

      for (const script of [['start'], ['run', 'build'], ['test'], ['exec', '--', 'candor', '--help']]) {
        it(`npm ${script.join(' ')} stops at the line, before installing or loading anything`, () => {
          const started = performance.now();
          const r = run(node, 'npm', script, project);
          expect(r.stderr.split('\n').filter((l) => l.startsWith('Candor needs'))).toHaveLength(1);
          expect(r.stderr).not.toMatch(/ERR_UNKNOWN_FILE_EXTENSION|Intl\.DurationFormat|\n\s+at /);
          // `npm exec` on Node 20 prints npm's own engines notice (which names the same floor) before our line.
          if (script[0] !== 'exec') expect(r.stderr).not.toContain('EBADENGINE');
          expect(r.code).not.toBe(0);
          // Nothing was installed: the old `npm start` spent 75 s in npm install first.
          expect(performance.now() - started).toBeLessThan(15_000);
        });
      }
    });
  }
});

describe('on the floor and above', () => {
  it('runs the CLI on the Node running these tests', () => {
    const r = run(process.execPath, 'node', [CLI, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: candor <command>/);
  });

  it('states the same floor in engines, .nvmrc, .ci/run and the docs', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(pkg.engines.node).toBe(ENGINES);
    expect(pkg.bin.candor).toBe('bin/candor.js');
    for (const name of ['start', 'build', 'candor', 'test', 'dev', 'preview', 'bench', 'screenshots', 'docs:build', 'docs:check', 'docs:dev']) expect(pkg.scripts[name], name).toMatch(/^node bin\/(node-floor|candor)\.js/);
    expect(Number(readFileSync(join(REPO, '.nvmrc'), 'utf8').trim())).toBeGreaterThanOrEqual(FLOOR);
    expect(readFileSync(join(REPO, '.ci', 'run'), 'utf8')).toContain('node bin/node-floor.js');
    expect(readFileSync(join(REPO, 'README.md'), 'utf8')).toContain(`Node.js ${FLOOR}`);
  });
});
