// Builds the fixture site and the shipped example site once, with the real CLI, before the tests run.
// Both the build and the browser projects read these builds, and Vitest calls each project's global setup,
// so a run of both would build (and first delete) everything twice; the mark on globalThis makes the second
// call a no-op. globalThis, not a module variable: each project may load this file through its own runner.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { candor } from './cli.ts';
import { FIXTURE_NOW, FIXTURES, OUT, REPO } from './paths.ts';

const BUILT = Symbol.for('candor.test.fixturesBuilt');

export default function setup() {
  const seen = globalThis as { [BUILT]?: string };
  if (seen[BUILT] === OUT) return;
  rmSync(OUT, { recursive: true, force: true });
  const builds = [
    ['--root', join(FIXTURES, 'basic'), '--out', join(OUT, 'basic'), '--now', FIXTURE_NOW],
    ['--root', join(FIXTURES, 'mirrors'), '--out', join(OUT, 'mirrors'), '--now', FIXTURE_NOW],
    ['--root', join(FIXTURES, 'hostile'), '--out', join(OUT, 'hostile'), '--now', FIXTURE_NOW],
    // The example ships with real dates, so it is built as of the clock, as a user would build it.
    ['--root', REPO, '--out', join(OUT, 'example')],
  ];
  for (const args of builds) {
    const r = candor(['build', ...args]);
    if (r.code !== 0) throw new Error(`fixture build failed: candor build ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
  }
  seen[BUILT] = OUT;
}
