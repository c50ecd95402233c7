// The programs outside npm that the tests use as independent checkers, and how to find each one.
// `npm test` asks for all of them before it starts (test/preflight.ts); the tests find them the same way.
import { spawnSync } from 'node:child_process';
import { findChromium } from '../../scripts/lib/browser.ts';

/** Debian's own python3, not a pyenv one that may come first on PATH and lack feedparser (tests may point elsewhere). */
export const PYTHON = process.env.CANDOR_TEST_PYTHON ?? '/usr/bin/python3';

export interface Checker {
  name: string;
  /** What the tests use it for, so a reader knows what is skipped without it. */
  usedFor: string;
  /** Debian packages that provide it. */
  packages: string[];
  present(): boolean;
}

export const CHECKERS: Checker[] = [
  {
    name: 'Chromium',
    usedFor: 'browser tests (layout, accessibility, languages); or set CHROMIUM_PATH to a Chrome binary',
    // Chinese pages need a CJK font to render their glyphs rather than boxes.
    packages: ['chromium-headless-shell', 'fonts-noto-cjk'],
    present: () => findChromium() !== undefined,
  },
  {
    name: 'Python feedparser',
    usedFor: `feed tests, read as a feed reader would (with ${PYTHON})`,
    packages: ['python3', 'python3-feedparser'],
    present: () => spawnSync(PYTHON, ['-c', 'import feedparser']).status === 0,
  },
];

/** The checkers this machine lacks. */
export const missingCheckers = () => CHECKERS.filter((c) => !c.present());

/** The one command that installs every missing checker. */
export function installCommand(missing: Checker[], root = process.getuid?.() === 0): string {
  return `${root ? '' : 'sudo '}apt-get install -y ${missing.flatMap((c) => c.packages).join(' ')}`;
}
