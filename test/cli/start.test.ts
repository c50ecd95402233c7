// `npm start` builds once: its script installs, then hands over to `candor preview`, which validates,
// prints the lint report and builds the mirror it serves, once; nothing else in the script builds.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO } from '../helpers/paths.ts';
import { md, MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const { scripts } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

it('npm start checks Node, installs, then builds and serves one mirror, printing the lint report once', async () => {
  const steps = scripts.start!.split(' && ');
  expect(steps.slice(0, 2)).toEqual(['node bin/node-floor.js', 'npm install --no-audit --no-fund']);
  // The install needs the network and is npm's job; the rest of the script runs as written, with
  // npm's `--` arguments appended to its last command, pointed at a throwaway site.
  const root = testdir({
    'candor.config.yaml': `${MINIMAL_CONFIG}  - { id: second, url: https://status2.test.example/, locale: en }\n`,
    'incidents/2026-11-23-api-errors/index.md': md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], regions: ['eu'], started: '2026-11-23T09:00:00Z' }),
    // "any inconvenience" draws one lint warning (empty-apology), so the report has something to repeat.
    'incidents/2026-11-23-api-errors/2026-11-23T0905Z.md': md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, 'Some customers cannot reach the API. We apologize for any inconvenience.'),
  });
  const rest = `${steps.slice(2).join(' && ')} --root ${root} --out ${join(root, 'dist')} --port 0 --now 2026-11-23T09:30:00Z`;
  const child = spawn('sh', ['-c', rest], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    await new Promise<void>((ok, fail) => {
      // The lint report goes to stderr and "serving" to stdout: two pipes this process may read in either
      // order, though the report was written first. So both are awaited, then one more turn of reads.
      const ready = () => /serving mirror/.test(out) && /warning\(s\)/.test(out) && setTimeout(ok, 100);
      child.stdout.on('data', ready);
      child.stderr.on('data', ready);
      child.on('exit', (code) => fail(new Error(`npm start exited ${code}: ${out}`)));
    });
    expect(out.match(/^built \w+:/gm)).toEqual(['built main:']);
    expect(out.match(/empty-apology/g)).toHaveLength(1);
    expect(out.match(/warning\(s\)/g)).toHaveLength(1);
  } finally {
    // The shell and the server it started are one process group.
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
  }
});

it('installs without a warning about skipped install scripts', () => {
  // npm 11 skips dependencies' install scripts unless package.json's allowScripts covers them, and says
  // so after every install. esbuild's only re-checks a binary @esbuild/linux-x64 already provides.
  const r = spawnSync('npm', ['install-scripts', 'ls'], { cwd: REPO, encoding: 'utf8' });
  expect(r.stdout.trim()).toBe('No packages with unreviewed install scripts.');
});
