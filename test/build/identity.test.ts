// The config's identity files: a missing one stops the build with the field to fix; a bad value is refused by the schema.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { FIXTURE_NOW } from '../helpers/paths.ts';
import { MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

describe('identity in candor.config.yaml', () => {
  it('names the field and the missing file, with no stack trace, and builds nothing', () => {
    const root = testdir({}, { config: `${MINIMAL_CONFIG}identity:\n  logo: assets/logo.svg\n` });
    const r = candor(['build', '--root', root, '--out', join(root, 'dist'), '--now', FIXTURE_NOW]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('candor.config.yaml:13 identity.logo: names "assets/logo.svg", which does not exist');
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it('refuses a theme colour that is not #rrggbb and a path outside the repository', () => {
    const root = testdir({}, { config: `${MINIMAL_CONFIG}identity:\n  theme_color: purple\n  favicon: ../secret.png\n` });
    const r = candor(['check', '--root', root, '--now', FIXTURE_NOW]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('must be a colour like "#0b57c2"');
    expect(r.stderr).toContain('must be a path inside the repository');
  });
});
