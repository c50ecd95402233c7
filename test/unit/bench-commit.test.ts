// The benchmark commits its generated history and each update it posts (bench/lib/scenario.ts commitAll), in a
// repository of the site's own, never in the one around it: its folder sits inside Candor's work tree, and once it
// committed a developer's unfinished work there.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll } from '../../bench/lib/scenario.ts';
import { git, gitRepo } from '../helpers/git-repo.ts';

describe("the benchmark's commits", () => {
  it("go to the site's own repository, leaving the repository around it as it was", () => {
    const outer = gitRepo('name: Outer\n');
    const before = git(outer.root, 'rev-parse', 'HEAD');
    writeFileSync(join(outer.root, 'unfinished.md'), 'not for committing');
    const site = join(outer.root, 'bench-out', 'site');
    mkdirSync(join(site, 'incidents', '2026-11-23-api'), { recursive: true });
    writeFileSync(join(site, 'incidents', '2026-11-23-api', 'index.md'), 'an incident');

    commitAll(site, 'The generated history');
    writeFileSync(join(site, 'incidents', '2026-11-23-api', '2026-11-23T1010Z.md'), 'an update');
    commitAll(site, 'One more update');

    expect(git(outer.root, 'rev-parse', 'HEAD')).toBe(before);
    expect(git(outer.root, 'status', '--porcelain', '--', 'unfinished.md')).toBe('?? unfinished.md');
    expect(git(site, 'rev-parse', '--show-toplevel')).toBe(site);
    expect(git(site, 'log', '--format=%s')).toBe('One more update\nThe generated history');
    expect(git(site, 'status', '--porcelain')).toBe('');
  });
});
