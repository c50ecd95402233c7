// An owner's site holds only their content and depends on Candor by version: the packed tarball, installed, must
// build, lint and serve that content with nothing of this repository beside it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { installedCandor, linkInstalled, npxCandor, type InstalledCandor } from '../helpers/installed-candor.ts';
import { REPO } from '../helpers/paths.ts';
import { md, testdir } from '../helpers/testdir.ts';

/** A port nothing listens on: the OS assigns one, so parallel test files never collide. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let installed: InstalledCandor;
beforeAll(() => {
  installed = installedCandor();
}, 600_000);

describe('the packed tarball', () => {
  it('holds runnable JavaScript for what Node loads, and none of the repository', () => {
    const files = installed.files;
    for (const f of ['bin/candor.js', 'scripts/candor.js', 'scripts/lib/render/worker.js', 'scripts/lib/render/compile-child.js', 'site/astro/config.js', 'site/model/site.js', 'site/pages/404.astro']) expect(files).toContain(f);
    // No TypeScript Node would have to strip (it refuses to under node_modules).
    expect(files.filter((f) => f.startsWith('scripts/') && f.endsWith('.ts'))).toEqual([]);
    // Nothing that is this repository's rather than the product's.
    const tops = new Set(files.map((f) => f.split('/')[0]));
    expect([...tops].sort()).toEqual(['.github', 'README.md', 'bin', 'package.json', 'scripts', 'site', 'tsconfig.json']);
    // Of .github, only the deploy tools' pins, which the reusable deploy installs from (site-deploy.yml).
    expect(files.filter((f) => f.startsWith('.github/')).sort()).toEqual(['.github/deploy-tools/package-lock.json', '.github/deploy-tools/package.json']);
  });

  it('lints, builds and serves an owner folder that holds only content', async () => {
    const site = testdir({
      'package.json': JSON.stringify({ name: 'acme-status', private: true, type: 'module' }),
      'incidents/2026-11-20-api-errors/index.md': md({ title: 'API errors', kind: 'incident', impact: 'major', components: ['api'], started: '2026-11-20T09:50:00Z' }),
      'incidents/2026-11-20-api-errors/2026-11-20T1000Z.md': md({ status: 'resolved', data_loss: 'none' }, "Some customers can't create invoices through the API. It answers normally again."),
    });
    linkInstalled(site);
    const lint = npxCandor(site, ['lint', '--now', '2026-11-20T12:00:00Z']);
    expect(lint.stderr).not.toMatch(/ERR_|TypeError/);
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);

    // As an owner runs it: no NODE_COMPILE_CACHE (the tests set one), so the CLI keeps Node's compile cache where it
    // chooses, beside its other caches.
    const build = npxCandor(site, ['build', '--now', '2026-11-20T12:00:00Z'], { NODE_COMPILE_CACHE: undefined });
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const home = readFileSync(join(site, 'dist', 'main', 'index.html'), 'utf8');
    expect(home).toContain('<title>Test Co status');
    const incident = readFileSync(join(site, 'dist', 'main', 'incidents', '2026-11-20-api-errors', 'index.html'), 'utf8');
    expect(incident).toContain("Some customers can't create invoices through the API. It answers normally again.");
    // Nothing was written into the owner's folder but the output.
    expect(existsSync(join(site, 'site'))).toBe(false);

    // preview --built serves the mirror with the installed package's server (a runtime dependency, not a dev one).
    const port = await freePort();
    const preview = spawn('npx', ['--no-install', 'candor', 'preview', '--built', '--now', '2026-11-20T12:00:00Z', '--port', String(port)], { cwd: site, stdio: 'pipe', detached: true });
    try {
      await expect.poll(() => fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()).catch(() => ''), { timeout: 60_000, interval: 500 }).toContain('<title>Test Co status');
    } finally {
      // npx starts node beneath it: end the whole group this test started.
      process.kill(-preview.pid!);
    }
  });

  // After the build above: the reusable deploy's steps, run in a site, must find what the installed package uses.
  it('`candor github paths` names the shipped deploy tools and the caches the build wrote, under node_modules/candor', () => {
    const r = npxCandor(installed.prefix, ['github', 'paths']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const paths = Object.fromEntries(r.stdout.trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
    const home = join(installed.prefix, 'node_modules', 'candor');
    expect(paths).toEqual({ deploy_tools: join(home, '.github', 'deploy-tools'), cache: 'node_modules/candor/node_modules/.cache/candor', code: expect.stringMatching(/^[\w-]{43}$/) });
    for (const f of ['package.json', 'package-lock.json']) expect(readFileSync(join(paths.deploy_tools!, f), 'utf8'), f).toBe(readFileSync(join(REPO, '.github', 'deploy-tools', f), 'utf8'));
    // The build kept its compiled app where the workflow's cache step saves it from, under the digest printed as its key.
    expect(readdirSync(join(installed.prefix, paths.cache!, 'app'))).toContain(paths.code);
    // The app cache's key hashes node_modules/candor/site/**: the code a site runs is there, and it has no site/ of its own.
    expect(existsSync(join(installed.prefix, 'node_modules', 'candor', 'site', 'pages'))).toBe(true);
    expect(existsSync(join(installed.prefix, 'site'))).toBe(false);
  });

  // A folder the build keeps that no cache step restores makes every deploy a first build (the parsed folders and
  // rendered bodies were once saved under a name the build never wrote); a restored folder nothing writes is dead.
  it("the deploy workflow's cache steps restore exactly the folders the build kept", () => {
    const workflow = parse(readFileSync(join(REPO, '.github', 'workflows', 'site-deploy.yml'), 'utf8')) as { jobs: Record<string, { steps?: { uses?: string; with?: { path?: string; key?: string } }[] }> };
    const prefix = '${{ steps.candor.outputs.cache }}/';
    const kept = readdirSync(join(installed.prefix, 'node_modules', 'candor', 'node_modules', '.cache', 'candor')).sort();
    for (const job of ['pages', 'cloudflare', 'netlify', 's3']) {
      const cached = workflow.jobs[job]!.steps!.filter((s) => s.uses?.startsWith('actions/cache@')).flatMap((s) => s.with!.path!.split('\n'));
      const named = cached.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
      expect(named.toSorted(), job).toEqual(kept);
    }
  });
});
