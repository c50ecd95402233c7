// Debian's Chromium driven by playwright-core: no browser download, no network beyond loopback. Shared by the
// browser tests, their preflight check and the screenshot command.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Chromium's headless shell first: Chromium built for automation, without the browser's windows, profile and UI
 * layer (Playwright's own default for headless runs; Debian packages it as chromium-headless-shell). The same
 * Blink renders the pages, at half the cost: the browser tests alone took 52 s (44 s of CPU) with it against
 * 108 s (92 s of CPU) with the full browser in its headless mode, one after the other on the same 2-core
 * machine. Then Debian's full chromium; GitHub's Ubuntu runners ship Google Chrome.
 */
const BROWSERS = ['chromium-headless-shell', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The browser to drive, or undefined when there is none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of BROWSERS) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

export function chromiumPath(): string {
  const path = findChromium();
  if (!path) throw new Error('Chromium not found: install it with "apt-get install -y chromium fonts-noto-cjk", or set CHROMIUM_PATH');
  return path;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
