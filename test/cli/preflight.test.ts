// `npm test` names the external checkers a machine lacks and the one command that installs them,
// before anything else runs; the npm-packaged xmllint needs no system package and still catches errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xmllint } from '../helpers/external.ts';
import { REPO } from '../helpers/paths.ts';

const preflight = (env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [join(REPO, 'test', 'preflight.ts')], { cwd: REPO, env, encoding: 'utf8' });

describe('npm test preflight', () => {
  it('on a machine without Chromium and feedparser, names both and prints one install command', () => {
    // Only Node on PATH and a python that does not exist: a bare machine.
    const r = preflight({ PATH: dirname(process.execPath), CANDOR_TEST_PYTHON: '/nonexistent/python3' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('npm test needs programs this machine lacks:');
    expect(lines.filter((l) => l.startsWith('  - ')).map((l) => l.split(',')[0])).toEqual(['  - Chromium', '  - Python feedparser']);
    expect(lines.filter((l) => l.includes('apt-get'))).toEqual([expect.stringMatching(/^ {2}(sudo )?apt-get install -y chromium-headless-shell fonts-noto-cjk python3 python3-feedparser$/)]);
    expect(r.stderr).not.toMatch(/xmllint|libxml2|\n\s+at /);
  });

  it('names only what is missing', () => {
    const r = preflight({ ...process.env, CANDOR_TEST_PYTHON: '/nonexistent/python3' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^npm test needs a program this machine lacks:\n {2}- Python feedparser, .*\n.*\n {2}(sudo )?apt-get install -y python3 python3-feedparser\n$/);
  });

  it('is silent and passes where everything is installed', () => {
    const r = preflight(process.env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('runs first in npm test', async () => {
    const { scripts } = (await import('../../package.json', { with: { type: 'json' } })).default;
    expect(scripts.test).toMatch(/^node bin\/node-floor\.js && node test\/preflight\.ts && /);
  });
});

describe('xmllint from npm', () => {
  it('reports malformed XML with libxml2\'s message and passes well-formed XML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-xml-'));
    try {
      writeFileSync(join(dir, 'bad.xml'), '<rss><channel><title>A &amp; B</channel></rss>');
      writeFileSync(join(dir, 'entity.xml'), '<rss><title>&nbsp;</title></rss>');
      writeFileSync(join(dir, 'good.xml'), '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>A &amp; B</title></channel></rss>');
      expect(await xmllint(join(dir, 'bad.xml'))).toMatch(/bad\.xml:1: parser error : Opening and ending tag mismatch: title/);
      expect(await xmllint(join(dir, 'entity.xml'))).toMatch(/Entity 'nbsp' not defined/);
      expect(await xmllint(join(dir, 'good.xml'))).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
