// Text a careless author pastes or an attacker commits, through the CLI: control characters and deep nesting are
// refused with file, line and fix (never a stack trace, never a file left behind); printed commands stay inert;
// back-dating works whatever other incidents say.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { md, testdir } from '../helpers/testdir.ts';

const OPEN = 'incidents/2026-11-23-api-errors';
const index = (title = 'API errors in Europe') => md({ kind: 'incident', title, impact: 'major', components: ['api'], regions: ['eu'], started: '2026-11-23T09:00:00Z' });
const first = (body = "Some customers can't create invoices through the API.") => md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, body);
const NOW = ['--now', '2026-11-23T09:30:00Z'];
const NESTED = `${'>'.repeat(2000)} quoted`;

describe('text no output can carry', () => {
  it('check names the file, line and character of every control character and of deep nesting, in one run', () => {
    const root = testdir({
      [`${OPEN}/index.md`]: `---\ntitle: "API \\e[31merrors"\nkind: incident\nimpact: major\ncomponents: [api]\nregions: [eu]\nstarted: 2026-11-23T09:00:00Z\n---\n`,
      [`${OPEN}/2026-11-23T0905Z.md`]: first('Fine first line.\nThen a vertical\u000btab.'),
      [`${OPEN}/2026-11-23T0905Z.fr.md`]: `---\n---\nUn saut\u000cde page.\n`,
      'incidents/2026-11-22-quoted/index.md': index('Quoted'),
      'incidents/2026-11-22-quoted/2026-11-22T0905Z.md': first(NESTED),
      'incidents/2026-11-21-spoof/index.md': index('Resolved \u202eoverride left open'),
      'incidents/2026-11-21-spoof/2026-11-21T0905Z.md': first('Closed \u202ehere\u202c is fine; \u2067open\u2069 too.\nBut \u2067this one is not.'),
    });
    const r = candor(['check', '--root', root, ...NOW]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toContain(`${OPEN}/index.md:2 title: contains the control character U+001B (ESC)`);
    expect(r.stderr).toContain(`${OPEN}/2026-11-23T0905Z.md:6 the text contains the control character U+000B (vertical tab)`);
    expect(r.stderr).toContain(`${OPEN}/2026-11-23T0905Z.fr.md:3 the text contains the control character U+000C (form feed)`);
    expect(r.stderr).toContain('incidents/2026-11-22-quoted/2026-11-22T0905Z.md:5 the text nests quotes or lists 2000 levels deep');
    expect(r.stderr).toContain('incidents/2026-11-21-spoof/index.md:3 title: opens the bidirectional control U+202E and never closes it on its line');
    expect(r.stderr).toContain('incidents/2026-11-21-spoof/2026-11-21T0905Z.md:6 the text opens the bidirectional control U+2067');
    expect(r.stderr).toContain('fix: delete it');
  });

  it('also refuses them in the config, and a lone surrogate written as a YAML escape', () => {
    const root = testdir({}, { config: 'name: "Test \\x07Co"\ncomponents:\n  - { id: api, name: "API \\ud800" }\nmirrors:\n  - { id: main, url: https://status.test.example/, locale: en }\n' });
    const r = candor(['check', '--root', root, ...NOW]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('candor.config.yaml:1 name: contains the control character U+0007');
  });

  it('accepts quotes and lists nested a reasonable depth, tabs and line breaks', () => {
    const body = `${'> '.repeat(10)}quoted\n\n- a\n  - b\n    - c\n\ttabbed\r\nline`;
    const root = testdir({ [`${OPEN}/index.md`]: index(), [`${OPEN}/2026-11-23T0905Z.md`]: first(body) });
    expect(candor(['check', '--root', root, ...NOW]).code).toBe(0);
  });

  for (const [what, body] of [['an ESC', 'Fixed \u001b[0m now.'], ['nested quotes', NESTED]] as const) {
    it(`candor update refuses a body with ${what}, leaves no file and prints no stack trace`, () => {
      const root = testdir({ [`${OPEN}/index.md`]: index(), [`${OPEN}/2026-11-23T0905Z.md`]: first() });
      const r = candor(['update', 'api-errors', '--yes', '--root', root, '--status', 'identified', '--next-update', '30', '--body', body, '--at', '2026-11-23T09:40:00Z']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('nothing was written');
      expect(r.stderr).toContain(`${OPEN}/2026-11-23T0940Z.md:`);
      expect(r.stderr).not.toMatch(/\n\s+at |Maximum call stack/);
      expect(readdirSync(join(root, OPEN))).toEqual(['2026-11-23T0905Z.md', 'index.md']);
    });
  }
});

describe('printed commands', () => {
  it('quote a hostile title so that pasting the commit line runs nothing', () => {
    const title = "It's `touch tick` $(touch dollar) \"q\" \\ !x";
    const root = testdir({ [`${OPEN}/index.md`]: index(title), [`${OPEN}/2026-11-23T0905Z.md`]: first() });
    const r = candor(['update', 'api-errors', '--yes', '--root', root, '--status', 'identified', '--next-update', '30', '--body', 'Found it.', '--at', '2026-11-23T09:40:00Z']);
    expect(r.code, r.stderr).toBe(0);
    const line = /git commit -m (.*) && git push$/m.exec(r.stdout)![1]!;
    const echoed = spawnSync('sh', ['-c', `printf '%s' ${line}`], { cwd: root, encoding: 'utf8' });
    expect(echoed.stdout).toBe(`${title}: identified`);
    expect(existsSync(join(root, 'tick')) || existsSync(join(root, 'dollar'))).toBe(false);
  });
});

describe('back-dating with --at', () => {
  it('posts an update older than another incident\'s latest one, validating the site as of the clock', () => {
    const root = testdir({
      [`${OPEN}/index.md`]: index(),
      [`${OPEN}/2026-11-23T0905Z.md`]: first(),
      'incidents/2026-11-23-web-slow/index.md': md({ kind: 'incident', title: 'Website slow', impact: 'minor', components: ['web'], started: '2026-11-23T11:00:00Z' }),
      'incidents/2026-11-23-web-slow/2026-11-23T1100Z.md': md({ status: 'investigating', next_update: '2026-11-23T11:30:00Z' }, 'Pages load slowly.'),
    });
    const r = candor(['update', 'api-errors', '--yes', '--root', root, '--status', 'identified', '--next-update', '30', '--body', 'Found it.', '--at', '2026-11-23T09:40:00Z']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(root, OPEN, '2026-11-23T0940Z.md'))).toBe(true);
  });

  it('still refuses an update before the incident began', () => {
    const root = testdir({ [`${OPEN}/index.md`]: index(), [`${OPEN}/2026-11-23T0905Z.md`]: first() });
    const r = candor(['update', 'api-errors', '--yes', '--root', root, '--status', 'identified', '--next-update', '30', '--body', 'Found it.', '--at', '2026-11-23T08:40:00Z']);
    expect(r.code).not.toBe(0);
    expect(readdirSync(join(root, OPEN))).toEqual(['2026-11-23T0905Z.md', 'index.md']);
  });
});
