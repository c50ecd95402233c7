import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { COMPILE_CACHE_DIR } from './bin/compile-cache.js';

// Projects, so a change to the model is checked in seconds (`npm run test:unit`) instead of after the fixture
// sites are built. Every file under test/ belongs to exactly one (test/unit/projects.test.ts checks).
//   unit          — the code runs in the test's own process: no built site, no browser, no Candor CLI,
//                   Astro, npm or git remote started (a local throwaway git repository is fine).
//   unit-isolated — unit tests that replace a module (vi.mock), so they need a module graph of their own.
//   build         — everything that starts the CLI, builds a site or reads the fixture builds, and git remotes.
//   browser       — Chromium (playwright-core, axe) over built sites.

/** Pure tests that live beside the integration tests of their topic (importers, notify, bench, corpus). */
const UNIT_ELSEWHERE = [
  'test/bench/cstate-generator.test.ts',
  'test/bench/generator.test.ts',
  'test/github/deploy-tools.test.ts',
  'test/github/issue-form.test.ts',
  'test/github/still-newest.test.ts',
  'test/import/component-states.test.ts',
  'test/import/cstate-log.test.ts',
  'test/import/cstate-untracked.test.ts',
  'test/import/html-to-markdown.test.ts',
  'test/import/shapes.test.ts',
  'test/import/incident-files.test.ts',
  'test/import/stamp-slug.test.ts',
  'test/lint-corpus/corpus.test.ts',
  'test/notify/addresses.test.ts',
  'test/notify/drafts.test.ts',
  'test/notify/ledger-states.test.ts',
  'test/notify/retry.test.ts',
];

/** Unit tests that mock a module: Node's fs for an unreadable file (root can read any file it chmods). */
const UNIT_ISOLATED = ['test/corpus/unreadable.test.ts'];

// Fixture sites are built once, for real, before any test that reads them (build and browser projects; the
// setup runs once per `vitest run` even when both are selected).
const FIXTURE_BUILDS = ['test/helpers/global-setup.ts'];

// Tests start the CLI hundreds of times; Node's compile cache keeps the type-stripped, compiled modules
// between those runs (measured: 1.0 s → 0.6 s for `candor lint` on a small site). The CLI's own folder
// (bin/compile-cache.js), set here so the test workers themselves use it too; a user's own setting wins.
process.env.NODE_COMPILE_CACHE ??= COMPILE_CACHE_DIR;

// Every throwaway folder the tests make (testdir, mkdtemp, the CLI's own temporary files) goes under one folder per
// run, removed when the run ends: a full run makes thousands, and they used to stay in /tmp for good. Set here, in
// the process that starts the test workers and the global setup, so they and every CLI they start inherit it.
if (!process.env.CANDOR_TEST_TMP) {
  const dir = mkdtempSync(join(tmpdir(), 'candor-test-run-'));
  process.env.CANDOR_TEST_TMP = process.env.TMPDIR = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Builds and the browser are heavy on 2 cores; two workers keep the run fast without thrashing.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', ...UNIT_ELSEWHERE],
          // Files share one module graph per worker instead of importing zod, unified and the model afresh
          // each: 25 s of CPU → 8 s for this project. Safe while no unit file mocks a module or a global.
          isolate: false,
        },
      },
      {
        test: {
          name: 'unit-isolated',
          include: UNIT_ISOLATED,
        },
      },
      {
        test: {
          name: 'build',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/unit/**', 'test/e2e/**', ...UNIT_ELSEWHERE, ...UNIT_ISOLATED],
          globalSetup: FIXTURE_BUILDS,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          // A script fetching status.json can take seconds on a loaded 2-core CI machine; Vitest's 1 s default
          // for expect.poll failed a passing widget test there. A real failure still fails, 15 s later.
          expect: { poll: { timeout: 15_000 } },
          globalSetup: FIXTURE_BUILDS,
        },
      },
    ],
  },
});
