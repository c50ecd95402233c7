// The jobs that hold provider tokens run provider CLIs installed from a lockfile, never fetched unpinned at run
// time: every npx is our own CLI (from the root lockfile), every npm call is `npm ci`, `npm test` or `npm run`, and each
// binary taken from .github/deploy-tools is a package that its package.json and lockfile pin to one version.
// The reusable deploy (site-deploy.yml) runs in sites too, where that folder is inside the installed package: it
// asks `candor github paths` where it is, so the package must ship both files and the command must find them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { candorPaths } from '../../scripts/github/candor-paths.ts';
import { codeDigest } from '../../scripts/lib/reuse.ts';
import { REPO } from '../helpers/paths.ts';

interface Step { name?: string; id?: string; uses?: string; run?: string; env?: Record<string, string> }
interface Job { steps?: Step[] }
const TOOLS = join(REPO, '.github', 'deploy-tools');
const WORKFLOWS = join(REPO, '.github', 'workflows');
const files = [
  ...readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml')).map((f) => join('.github', 'workflows', f)),
  // Composite actions, should any come back (the workflows use none today).
  ...(existsSync(join(REPO, '.github', 'actions')) ? readdirSync(join(REPO, '.github', 'actions')).map((a) => join('.github', 'actions', a, 'action.yml')) : []),
];
/** Every job's steps, by file and job (a composite action is one job). */
const jobs = files.flatMap((file) => {
  const doc = parse(readFileSync(join(REPO, file), 'utf8')) as { jobs?: Record<string, Job>; runs?: { steps: Step[] } };
  return doc.jobs ? Object.entries(doc.jobs).map(([name, job]) => ({ where: `${file}:${name}`, steps: job.steps ?? [] })) : [{ where: file, steps: doc.runs?.steps ?? [] }];
});
/** Each shell command of each run step (split on lines, `&&`, `;` and `|`). */
const commands = jobs.flatMap(({ where, steps }) => steps.flatMap((s) => (s.run ?? '').split(/\n|&&|\|\||;|\|/).map((c) => ({ where, command: c.trim() })).filter((c) => c.command)));

/** The tools folder by path (this repository's own workflows), or as the installed Candor names it (the reusable one). */
const INSTALLS = ['npm ci --prefix .github/deploy-tools --ignore-scripts --no-audit --no-fund', 'npm ci --prefix "$TOOLS" --ignore-scripts --no-audit --no-fund'];
const BIN = /(?:\.github\/deploy-tools|"\$TOOLS)\/node_modules\/\.bin\/([\w.-]+)/;
/** Where `$TOOLS` must come from: the paths step of the same job. */
const FROM_CANDOR = '${{ steps.candor.outputs.deploy_tools }}';

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
        if (!bin) return [];
        const install = steps.slice(0, i).find((b) => INSTALLS.includes(b.run ?? ''));
        // $TOOLS, in the install and in the step that runs the binary, is what `candor github paths` printed in this job.
        const located = !s.run!.includes('$TOOLS') || (s.env?.TOOLS === FROM_CANDOR && install?.env?.TOOLS === FROM_CANDOR && steps.slice(0, i).some((b) => b.id === 'candor' && b.run === 'npx candor github paths >> "$GITHUB_OUTPUT"'));
        return [{ where, bin, installedBefore: Boolean(install), located }];
      }),
    );
    expect(used.map((u) => `${u.where} ${u.bin}`).sort()).toEqual(['.github/workflows/docs.yml:deploy wrangler', '.github/workflows/site-deploy.yml:cloudflare wrangler', '.github/workflows/site-deploy.yml:netlify netlify']);
    for (const u of used) {
      expect(provided.get(u.bin), u.bin).toBeDefined();
      expect(u.installedBefore, u.where).toBe(true);
      expect(u.located, u.where).toBe(true);
    }
  });

  it('ships in the npm package, where `candor github paths` finds it', () => {
    const files = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { files: string[] }).files;
    expect(files).toEqual(expect.arrayContaining(['.github/deploy-tools/package.json', '.github/deploy-tools/package-lock.json']));
    const found = candorPaths(REPO);
    expect(found).toEqual({ paths: { deploy_tools: TOOLS, cache: join('node_modules', '.cache', 'candor'), code: codeDigest() } });
  });
});
