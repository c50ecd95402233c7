// `npm run screenshots`: pictures of the real example site for the README and the docs, taken with
// Chromium at a phone's and a desktop's size, at a fixed moment during the example's incident in Europe so
// they only change when the site does.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDir } from '../scripts/lib/serve.ts';
import { launch } from '../test/helpers/browser.ts';

const REPO = join(import.meta.dirname, '..');
const OUT = join(import.meta.dirname, 'src', 'assets', 'screenshots');
/** During "Reports and dashboard slow in Europe": the moment the page matters most. */
const NOW = '2026-11-23T08:30:00Z';
const MIRROR = 'global';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** Each picture's browser; the phone also in dark mode, where the example shows its dark logo and accent. */
const SIZES = {
  desktop: { viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1, colorScheme: 'light' },
  phone: { ...PHONE, colorScheme: 'light' },
  'phone-dark': { ...PHONE, colorScheme: 'dark' },
} as const;

const scratch = mkdtempSync(join(tmpdir(), 'candor-screenshots-'));
try {
  const built = spawnSync(process.execPath, [join(REPO, 'bin', 'candor.js'), 'build', '--mirror', MIRROR, '--out', scratch, '--now', NOW], { cwd: REPO, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`the example site did not build (exit ${built.status})`);
  const { server, url } = await serveDir(join(scratch, MIRROR), '/');
  const browser = await launch();
  try {
    mkdirSync(OUT, { recursive: true });
    for (const [name, options] of Object.entries(SIZES)) {
      const page = await browser.newPage({ ...options, reducedMotion: 'reduce' });
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.screenshot({ path: join(OUT, `${name}.png`) });
      console.log(`wrote ${join('docs', 'src', 'assets', 'screenshots', `${name}.png`)}`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
