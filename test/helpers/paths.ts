// Where fixtures live and where the global setup builds them.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
// CANDOR_TEST_OUT lets two test runs (say, two people's) share a checkout without clobbering each other's builds.
export const OUT = process.env.CANDOR_TEST_OUT ?? join(REPO, 'test', '.out');
export const FIXTURES = join(REPO, 'test', 'fixtures');
// The entry point users run: the plain-JS launcher that checks the Node version, then loads scripts/candor.ts.
export const CLI = join(REPO, 'bin', 'candor.js');

/** The instant fixture sites are built for, so their output never depends on the clock. */
export const FIXTURE_NOW = '2026-11-23T12:00:00Z';

export const BASIC_SITE = join(OUT, 'basic', 'main');
export const EXAMPLE_OUT = join(OUT, 'example');
export const EXAMPLE_SITE = join(EXAMPLE_OUT, 'global');
export const MIRRORS_OUT = join(OUT, 'mirrors');
export const HOSTILE_SITE = join(OUT, 'hostile', 'main');
