// Debian's Chromium driven by playwright-core: no browser download, no network beyond loopback.
import { chromium, type Browser } from 'playwright-core';
import { CHECKERS, findChromium, installCommand } from './checkers.ts';

export function chromiumPath(): string {
  const path = findChromium();
  if (!path) throw new Error(`Chromium not found: ${installCommand(CHECKERS.filter((c) => c.name === 'Chromium'))}, or set CHROMIUM_PATH`);
  return path;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
