// Upgrading is a dependency bump: `candor upgrade` copies nothing over a site's files. It names the bump for a site
// that depends on Candor, and tells a fork of Candor's repository how to move to that layout first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { testdir } from '../helpers/testdir.ts';

const snapshot = (root: string) => readdirSync(root, { recursive: true, encoding: 'utf8' }).sort().map((f) => [f, (() => { try { return readFileSync(join(root, f), 'utf8'); } catch { return null; } })()]);

describe('candor upgrade', () => {
  it('in a site that depends on candor: names the bump and changes nothing', () => {
    const site = testdir({ 'package.json': JSON.stringify({ dependencies: { candor: '^0.1.0' } }), 'incidents/README.md': 'x' });
    const before = snapshot(site);
    const r = candor(['upgrade', '--root', site]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('depends on candor ^0.1.0');
    expect(r.stdout).toContain('npm install candor@latest');
    expect(snapshot(site)).toEqual(before);
  });

  it('in a site made before the on-call automation came by tag: names the missing callers and forms, and the command that adds only those', () => {
    const validate = 'name: Validate # mine\n';
    const site = testdir({ 'package.json': JSON.stringify({ dependencies: { candor: '^0.1.0' } }), '.github/workflows/validate.yml': validate, '.github/workflows/deploy.yml': 'name: Deploy\n', '.github/dependabot.yml': 'version: 2\n' });
    const r = candor(['upgrade', '--root', site]);
    expect(r.code, r.stderr).toBe(0);
    const missing = /missing (\d+) file\(s\) this Candor gives a site: (.*)\n/.exec(r.stdout);
    expect(missing?.[2]?.split(', ').sort()).toEqual([
      '.github/ISSUE_TEMPLATE/open-incident.yml', '.github/ISSUE_TEMPLATE/status-update.yml',
      ...['issue-forms', 'monitor', 'postmortem', 'pr-comment', 'refresh', 'status-update', 'watchdog'].map((f) => `.github/workflows/${f}.yml`),
    ]);
    expect(r.stdout).toContain('npx candor init --force .');
    // That command adds them and keeps the site's own files as they were.
    const added = candor(['init', site, '--force']);
    expect(added.code, added.stderr).toBe(0);
    expect(readFileSync(join(site, '.github/workflows/validate.yml'), 'utf8')).toBe(validate);
    const again = candor(['upgrade', '--root', site]);
    expect(again.stdout).not.toContain('missing');
  });

  it('in a fork of Candor: refuses, naming the one migration command, and changes nothing', () => {
    const fork = testdir({ 'site/pages/index.astro': '---\n---\n', 'astro.config.mjs': '', 'package.json': '{}' });
    const before = snapshot(fork);
    const r = candor(['upgrade', '--root', fork]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a fork of Candor');
    expect(r.stderr).toMatch(/npx candor init \.\.\/\S+-site --from \./);
    expect(snapshot(fork)).toEqual(before);
  });

  it('refuses the old `candor upgrade <ref>` with the command that replaced it', () => {
    const r = candor(['upgrade', 'candor/v0.2.0', '--root', testdir({})]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('npm install candor@0.2.0');
  });
});
