// `candor preview` (and `npm run dev`) is live: what an on-call engineer saves shows on the open page without a
// rebuild, in every language of the mirror, and a mistake shows in the browser and the terminal while the server
// keeps serving the last good content. Driven as a user would: the real CLI, real files, real HTTP requests.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_IDENTITY } from '../helpers/git-repo.ts';
import { CLI, REPO } from '../helpers/paths.ts';
import { md, MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const CONFIG = MINIMAL_CONFIG.replace('locale: en }', 'locale: en, locales: [en, de] }').concat('  - { id: second, url: https://status.test.example.eu/status/, locale: de }\n');
const INCIDENT = 'incidents/2026-11-23-api-errors';

// Output inside the app's folder that is not Vite's own outDir: what `npm run bench -- --keep` leaves in a Candor
// checkout (a site of 5,000 incidents and its four mirrors: 218,000 files), or a build to another --out. Watching it
// ran out of inotify watches, and the preview's first page waited a minute. The dev server must not watch it.
const KEPT = join(REPO, 'bench', '.out');
const hadKept = existsSync(KEPT);
const PROBE = join(KEPT, `watch-probe-${process.pid}`);
const PROBE_DIRS = Array.from({ length: 40 }, (_, i) => join(PROBE, `d${i}`, 'index'));

let root: string;
let server: ChildProcess;
let output = '';
let base = '';

beforeAll(async () => {
  root = testdir({
    'candor.config.yaml': CONFIG,
    [`${INCIDENT}/index.md`]: md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], regions: ['eu'], started: '2026-11-23T09:00:00Z' }),
    [`${INCIDENT}/2026-11-23T0905Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, 'Some customers cannot reach the API.'),
  });
  // Committed, as a status site is: the preview keys folders by the ids git vouches for (model/load/git-blobs.ts),
  // so every edit below is one git must report, or one read because git does not know the file.
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, ...GIT_IDENTITY }, stdio: 'ignore' });
  git('init', '--quiet');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'The incident');
  for (const dir of PROBE_DIRS) mkdirSync(dir, { recursive: true }), writeFileSync(join(dir, 'index.html'), '<p>built</p>');
  // As a user runs it: Astro's dev server serves nothing under vitest's variables (VITEST=true), so they go.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  server = spawn(process.execPath, [CLI, 'preview', '--root', root, '--mirror', 'main', '--port', '0', '--now', '2026-11-23T09:30:00Z'], { stdio: ['ignore', 'pipe', 'pipe'], env });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  base = await new Promise<string>((ok, fail) => {
    server.stdout!.on('data', () => {
      const url = /live at (http:\/\/\S+?);/.exec(output)?.[1];
      if (url) ok(url);
    });
    server.on('exit', (code) => fail(new Error(`preview exited ${code}: ${output}`)));
  });
}, 120_000);

afterAll(() => {
  server?.kill();
  if (root) rmSync(root, { recursive: true, force: true });
  rmSync(PROBE, { recursive: true, force: true });
  if (!hadKept && existsSync(KEPT) && readdirSync(KEPT).length === 0) rmdirSync(KEPT);
});

/** Inodes of every folder and file a process watches with inotify (Linux lists each watch in /proc/<pid>/fdinfo). */
function watchedInodes(pid: number): Set<number> {
  const inodes = new Set<number>();
  for (const fd of readdirSync(`/proc/${pid}/fdinfo`)) {
    let info = '';
    try {
      info = readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8');
    } catch {
      continue; // closed since the listing
    }
    for (const m of info.matchAll(/^inotify wd:\S+ ino:([0-9a-f]+)/gm)) inodes.add(parseInt(m[1]!, 16));
  }
  return inodes;
}

const page = async (path = '') => (await fetch(new URL(path, base))).text();

/** Polls the page until `test` holds; returns the seconds it took. Fails with the page's text when it never does. */
async function until(path: string, test: (html: string) => boolean): Promise<number> {
  const started = performance.now();
  let html = '';
  for (let i = 0; i < 150; i++) {
    html = await page(path);
    if (test(html)) return (performance.now() - started) / 1000;
    await sleep(100);
  }
  throw new Error(`never true for ${path}; last page:\n${html.slice(0, 2000)}\nserver output:\n${output}`);
}

describe('live preview', () => {
  it('serves the mirror at its base path, in each of its languages', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await page()).toContain('API errors');
    expect(await page('de/')).toContain('lang="de"');
  });

  it.runIf(process.platform === 'linux')('watches the content and the app’s code, not the built output in the app’s folder', async () => {
    const ino = (path: string) => statSync(path).ino;
    const wanted = { content: ino(join(root, 'incidents', '2026-11-23-api-errors')), code: ino(join(REPO, 'site', 'pages')) };
    // The watcher walks the folders in the background: wait until it has reached what it must watch and has added
    // nothing for a second, then look at the rest.
    let watched = new Set<number>();
    for (let i = 0, still = 0; i < 300 && !(watched.has(wanted.content) && watched.has(wanted.code) && still >= 10); i++) {
      await sleep(100);
      const now = watchedInodes(server.pid!);
      still = now.size === watched.size ? still + 1 : 0;
      watched = now;
    }
    expect({ content: watched.has(wanted.content), code: watched.has(wanted.code) }).toEqual({ content: true, code: true });
    const probes = [PROBE, ...PROBE_DIRS].filter((dir) => watched.has(ino(dir)));
    expect(probes.map((dir) => dir.slice(REPO.length))).toEqual([]);
  });

  it('shows an added update in every language without a restart', async () => {
    writeFileSync(join(root, INCIDENT, '2026-11-23T0920Z.md'), md({ status: 'identified', next_update: '2026-11-23T10:30:00Z' }, 'We found the faulty release and are rolling it back.'));
    const seconds = await until('', (html) => html.includes('rolling it back'));
    await until('de/', (html) => html.includes('rolling it back'));
    console.log(`added update visible after ${seconds.toFixed(2)} s`);
  });

  it('shows an edited translation and an edited title', async () => {
    writeFileSync(join(root, INCIDENT, '2026-11-23T0920Z.de.md'), '---\n---\nWir haben die fehlerhafte Version gefunden.\n');
    await until('de/', (html) => html.includes('Wir haben die fehlerhafte Version gefunden.'));
    writeFileSync(join(root, INCIDENT, 'index.md'), md({ kind: 'incident', title: 'Payments API errors', impact: 'major', components: ['api'], regions: ['eu'], started: '2026-11-23T09:00:00Z' }));
    await until('', (html) => html.includes('Payments API errors'));
  });

  it('shows an edit of a committed update that keeps its size', async () => {
    // Same length, other words: only git's stat check of the index tells the file changed.
    const file = join(root, INCIDENT, '2026-11-23T0905Z.md');
    const before = readFileSync(file, 'utf8');
    const after = before.replace('Some customers cannot reach the API.', 'Many customers cannot reach the API.');
    expect(after.length).toBe(before.length);
    writeFileSync(file, after);
    await until('incidents/2026-11-23-api-errors/', (html) => html.includes('Many customers cannot reach the API.'));
  });

  it('shows a config change', async () => {
    writeFileSync(join(root, 'candor.config.yaml'), CONFIG.replace('name: Test Co', 'name: Renamed Co'));
    await until('', (html) => html.includes('Renamed Co'));
  });

  it('shows a mistake on the page and in the terminal, keeps serving, and recovers', async () => {
    writeFileSync(join(root, INCIDENT, '2026-11-23T0925Z.md'), md({ status: 'resolvd' }, 'Fixed.'));
    await until('', (h) => h.includes('Content problems'));
    const shown = await page();
    expect(shown).toContain(`${INCIDENT}/2026-11-23T0925Z.md`);
    expect(shown).toContain('status');
    // The last good content stays under the report.
    expect(shown).toContain('Payments API errors');
    expect(output).toContain(`${INCIDENT}/2026-11-23T0925Z.md`);
    // The mistake holds back only its own incident: other changes still show (issue 27).
    writeFileSync(join(root, 'candor.config.yaml'), CONFIG.replace('name: Test Co', 'name: Still Live Co'));
    await until('', (h) => h.includes('Still Live Co'));
    const live = await page();
    expect(live).toContain('Content problems');
    expect(live).toContain('Payments API errors');
    rmSync(join(root, INCIDENT, '2026-11-23T0925Z.md'));
    await until('', (h) => !h.includes('Content problems'));
  });

  it('shows a content problem as our own page, never the framework overlay, in the page\'s language', async () => {
    const file = `${INCIDENT}/2026-11-23T0926Z.md`;
    writeFileSync(join(root, file), md({ status: 'resolvd' }, 'Fixed.'));
    await until('', (h) => h.includes('data-content-problems'));
    const response = await fetch(new URL('', base));
    const html = await response.text();
    expect(response.status).toBe(200);
    // Our markup: file and line, field, message, fix; then the last good content.
    const report = /<section[^>]*data-content-problems[\s\S]*?<\/section>/.exec(html)![0];
    expect(report).toContain('<h2>Content problems: the page shows the last content that loaded</h2>');
    expect(report).toContain(`<code>${file}:2</code> · Field <code>status</code>`);
    expect(report).toContain('<p>Fix: did you mean &quot;resolved&quot;?');
    expect(html.indexOf('API errors</a>')).toBeGreaterThan(html.indexOf('data-content-problems'));
    // Not the framework's error page: no overlay, no stack frames, no code frame.
    expect(html).not.toMatch(/vite-error-overlay|astro-dev-overlay-error|\n\s+at \S+ \(|node_modules|\^\n/);
    expect(await page('de/')).toContain('<h2>Probleme im Inhalt: Die Seite zeigt den zuletzt geladenen Inhalt</h2>');
    // Fixed: the next request, made as soon as the save is seen, shows no problem (it waits for the reload).
    writeFileSync(join(root, file), md({ status: 'resolved', data_loss: 'none' }, 'Fixed.'));
    await sleep(100);
    expect(await page()).not.toContain('data-content-problems');
    rmSync(join(root, file));
    await until('', (h) => !h.includes('Fixed.'));
  });

  it('drops a deleted update', async () => {
    rmSync(join(root, INCIDENT, '2026-11-23T0920Z.md'));
    rmSync(join(root, INCIDENT, '2026-11-23T0920Z.de.md'));
    await until('', (html) => !html.includes('rolling it back'));
    expect(server.exitCode).toBeNull();
  });
});
