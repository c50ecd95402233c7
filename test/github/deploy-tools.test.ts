// The jobs that hold provider tokens run provider CLIs installed from a lockfile, never fetched unpinned at run
// time: every npx is our own CLI (from the root lockfile), every npm call is `npm ci`, `npm test` or `npm run`, and each
// binary taken from .github/deploy-tools is a package that its package.json and lockfile pin to one version.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from '../helpers/paths.ts';

interface Step { name?: string; uses?: string; run?: string }
interface Job { steps?: Step[] }
const TOOLS = join(REPO, '.github', 'deploy-tools');
const WORKFLOWS = join(REPO, '.github', 'workflows');
const files = [
  ...readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml')).map((f) => join('.github', 'workflows', f)),
  ...readdirSync(join(REPO, '.github', 'actions')).map((a) => join('.github', 'actions', a, 'action.yml')),
];
/** Every job's steps, by file and job (a composite action is one job). */
const jobs = files.flatMap((file) => {
  const doc = parse(readFileSync(join(REPO, file), 'utf8')) as { jobs?: Record<string, Job>; runs?: { steps: Step[] } };
  return doc.jobs ? Object.entries(doc.jobs).map(([name, job]) => ({ where: `${file}:${name}`, steps: job.steps ?? [] })) : [{ where: file, steps: doc.runs?.steps ?? [] }];
});
/** Each shell command of each run step (split on lines, `&&`, `;` and `|`). */
const commands = jobs.flatMap(({ where, steps }) => steps.flatMap((s) => (s.run ?? '').split(/\n|&&|\|\||;|\|/).map((c) => ({ where, command: c.trim() })).filter((c) => c.command)));

const INSTALL = 'npm ci --prefix .github/deploy-tools --ignore-scripts --no-audit --no-fund';
const BIN = /\.github\/deploy-tools\/node_modules\/\.bin\/([\w.-]+)/;

describe('deploy tools', () => {
  it('no workflow fetches a package at run time: npx only runs candor, npm only installs from a lockfile or runs a script', () => {
    const npx = commands.filter((c) => /(^|\s)npx\s/.test(c.command) && !/(^|\s)npx candor(\s|$)/.test(c.command));
    expect(npx).toEqual([]);
    const npm = commands.filter((c) => /(^|\s)npm\s/.test(c.command) && !/(^|\s)npm (ci|test|run [\w:-]+)(\s|$)/.test(c.command));
    expect(npm).toEqual([]);
    for (const other of ['pnpm', 'yarn', 'bunx', 'npm exec', 'curl', 'wget']) expect(commands.filter((c) => c.command.includes(other)), other).toEqual([]);
  });

  it('pins each tool to one version, and the lockfile holds that version with its checksum', () => {
    const pkg = JSON.parse(readFileSync(join(TOOLS, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const lock = JSON.parse(readFileSync(join(TOOLS, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; integrity?: string; dependencies?: Record<string, string> }> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['netlify-cli', 'wrangler']);
    expect(lock.packages['']!.dependencies).toEqual(pkg.dependencies);
    for (const [name, version] of Object.entries(pkg.dependencies)) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(lock.packages[`node_modules/${name}`]).toMatchObject({ version, integrity: expect.stringMatching(/^sha512-/) });
    }
    // Every package in the lockfile carries its checksum, so `npm ci` refuses a tampered download (a bundled one
    // comes inside its parent's checked tarball).
    expect(Object.entries(lock.packages).filter(([path, p]) => path && !p.integrity && !('link' in p) && !('inBundle' in p)).map(([path]) => path)).toEqual([]);
  });

  it('runs only binaries the lockfile provides, each after the locked install in the same job', () => {
    const lock = JSON.parse(readFileSync(join(TOOLS, 'package-lock.json'), 'utf8')) as { packages: Record<string, { bin?: Record<string, string> }> };
    const pkg = JSON.parse(readFileSync(join(TOOLS, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const provided = new Map(Object.keys(pkg.dependencies).flatMap((name) => Object.keys(lock.packages[`node_modules/${name}`]?.bin ?? {}).map((bin) => [bin, name] as const)));
    const used = jobs.flatMap(({ where, steps }) =>
      steps.flatMap((s, i) => {
        const bin = BIN.exec(s.run ?? '')?.[1];
        return bin ? [{ where, bin, installedBefore: steps.slice(0, i).some((b) => b.run === INSTALL) }] : [];
      }),
    );
    expect(used.map((u) => `${u.where} ${u.bin}`).sort()).toEqual(['.github/workflows/deploy.yml:cloudflare wrangler', '.github/workflows/deploy.yml:netlify netlify', '.github/workflows/docs.yml:deploy wrangler']);
    for (const u of used) {
      expect(provided.get(u.bin), u.bin).toBeDefined();
      expect(u.installedBefore, u.where).toBe(true);
    }
  });
});
