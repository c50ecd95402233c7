// `npm run screenshots`: the home page, an open incident (else the latest one) and History of every mirror, at
// phone (390×844) and desktop (1280×800) size, from a fresh build of this repository. The docs page "The site"
// shows them from docs/public/screenshots/.
//
//   node scripts/screenshots.ts [--root DIR] [--now TIME] [--out DIR]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../site/model/load/config.ts';
import { basePath } from '../site/lib/urls.ts';
import { launch } from './lib/browser.ts';
import { serveDir } from './lib/serve.ts';

const { values } = parseArgs({
  options: { root: { type: 'string', default: '.' }, now: { type: 'string' }, out: { type: 'string', default: 'docs/public/screenshots' } },
});
const root = resolve(values.root);
const out = resolve(values.out);
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

const { config } = await readConfig(root);
if (!config) throw new Error(`${root}: no valid candor.config.yaml; run "candor check" to see why`);
const dist = mkdtempSync(join(tmpdir(), 'candor-shots-'));
const build = await (await import('./commands/build.ts')).run(['--root', root, '--out', dist, ...(values.now ? ['--now', values.now] : [])]);
if (build !== 0) process.exit(build);

const browser = await launch();
try {
  for (const mirror of config.mirrors) {
    const { server, url } = await serveDir(join(dist, mirror.id), basePath(mirror));
    try {
      const page = await browser.newPage({ viewport: SIZES.phone, timezoneId: mirror.time_zone });
      await page.goto(url);
      // An open incident if there is one, else the latest from the home page's recent history.
      const incident = await page.locator('main a[href*="/incidents/"]').first().getAttribute('href');
      const targets = { home: url, incident: incident ? new URL(incident, url).href : undefined, history: new URL('history/', url).href };
      mkdirSync(join(out, mirror.id), { recursive: true });
      for (const [name, target] of Object.entries(targets)) {
        if (!target) continue;
        for (const [size, viewport] of Object.entries(SIZES)) {
          await page.setViewportSize(viewport);
          await page.goto(target);
          const file = join(out, mirror.id, `${name}-${size}.png`);
          await page.screenshot({ path: file });
          console.log(relative(process.cwd(), file));
        }
      }
      await page.close();
    } finally {
      server.close();
    }
  }
} finally {
  await browser.close();
  rmSync(dist, { recursive: true, force: true });
}
