// Every test file runs in exactly one Vitest project: a file in none would never run, a file in two would run
// twice. And the unit project stays what `npm run test:unit` promises: seconds, with no fixture build first.
import { globSync, readFileSync } from 'node:fs';
import { basename, join, matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDefaults } from 'vitest/config';
import config from '../../vitest.config.ts';
import { REPO } from '../helpers/paths.ts';

interface Project {
  test: { name: string; include: string[]; exclude?: string[]; globalSetup?: string[]; isolate?: boolean };
}
const projects = (config.test?.projects ?? []) as Project[];

// Anything Vitest would take for a test file (its default pattern), anywhere under test/. Built sites and
// installed packages are skipped while walking, not filtered afterwards: walking them takes minutes.
const testFiles = globSync(configDefaults.include.map((pattern) => `test/${pattern}`), {
  cwd: REPO,
  exclude: (entry) => ['.out', 'node_modules'].includes(basename(String(entry))),
}).sort();

const matches = (file: string, patterns: string[]) => patterns.some((pattern) => matchesGlob(file, pattern));
/** Whether a project runs the file, by Vitest's rule: matched by include and not by exclude. */
const runs = (p: Project, file: string) => matches(file, p.test.include) && !matches(file, p.test.exclude ?? configDefaults.exclude);

describe('vitest projects', () => {
  it('are unit (two of them), build and browser, and only the ones that read fixture builds build them first', () => {
    expect(projects.map((p) => p.test.name)).toEqual(['unit', 'unit-isolated', 'build', 'browser']);
    const setups = Object.fromEntries(projects.map((p) => [p.test.name, p.test.globalSetup ?? []]));
    expect(setups).toEqual({ unit: [], 'unit-isolated': [], build: ['test/helpers/global-setup.ts'], browser: ['test/helpers/global-setup.ts'] });
    // The root config holds no setup of its own: Vitest runs the root's global setup for every project.
    expect(config.test?.globalSetup).toBeUndefined();
  });

  it('take every test file exactly once', () => {
    expect(testFiles.length).toBeGreaterThan(50);
    const owners = testFiles.map((f) => [f, projects.filter((p) => runs(p, f)).map((p) => p.test.name)] as const);
    const misfiled = owners.filter(([, names]) => names.length !== 1).map(([f, names]) => `${f}: ${names.length ? names.join(' and ') : 'no project'}`);
    expect(misfiled, 'classify each file in vitest.config.ts').toEqual([]);
  });

  it('name no file that is not there', () => {
    const stale = projects.flatMap((p) => p.test.include.filter((pattern) => !testFiles.some((f) => matchesGlob(f, pattern))).map((pattern) => `${p.test.name}: ${pattern}`));
    expect(stale).toEqual([]);
  });

  it('keep unit tests free of the CLI, the browser and the fixture builds', () => {
    const unit = projects.filter((p) => p.test.name.startsWith('unit'));
    expect(unit).toHaveLength(2);
    // What starts a subprocess build or a browser, or reads what the global setup built.
    const heavy = /from '[./]*(helpers\/)?(cli|browser|pty)\.ts'|from '(node:child_process|playwright-core|@axe-core\/playwright|lighthouse)'|\b(OUT|BASIC_SITE|EXAMPLE_SITE|EXAMPLE_OUT|MIRRORS_OUT|HOSTILE_SITE)\b/;
    // This file names those things in its own pattern, so it is left out.
    const offenders = testFiles.filter((f) => unit.some((p) => runs(p, f)) && join(REPO, f) !== import.meta.filename).filter((f) => heavy.test(readFileSync(join(REPO, f), 'utf8')));
    expect(offenders, 'move these to the build or browser project').toEqual([]);
  });

  it('leave a module graph shared only by files that replace no module or global', () => {
    const replaces = /\bvi\.(mock|doMock|stubEnv|stubGlobal)\(/;
    const shared = projects.filter((p) => p.test.isolate === false);
    expect(shared.map((p) => p.test.name)).toEqual(['unit']);
    const offenders = testFiles.filter((f) => shared.some((p) => runs(p, f)) && replaces.test(readFileSync(join(REPO, f), 'utf8')));
    expect(offenders, 'list these in UNIT_ISOLATED in vitest.config.ts').toEqual([]);
  });

  it('are all run by the npm scripts', () => {
    const { scripts } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    // The command the docs promise for a quick check: both unit projects, nothing built first.
    expect(scripts['test:unit']).toBe('vitest run --project unit --project unit-isolated');
    const named = Object.entries(scripts).filter(([name]) => name.startsWith('test:')).flatMap(([, command]) => [...command.matchAll(/--project (\S+)/g)].map((m) => m[1]));
    expect(named.sort()).toEqual(projects.map((p) => p.test.name).sort());
    // `npm test` runs every project, once: no --project filter.
    expect(scripts.test).toMatch(/&& vitest run$/);
  });
});
