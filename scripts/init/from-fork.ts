// What `candor init --from <fork>` takes from a site that began as a fork of Candor's repository. Allow-listed as
// Candor's are only the product's own top-level paths (its code, docs, tests, build files and outputs): those stay
// behind, since the new site gets Candor from its package. Everything else is the owner's and is copied byte for
// byte — config, incidents with their postmortems, announcements, templates, and any file Candor never had. The
// fork's .github/ is kept under .github/from-fork/, where nothing runs it, because the new site's workflows call
// Candor's reusable ones; the report says so, so a change made there is compared, not lost.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../lib/cli-error.ts';

/** Top-level paths of Candor's repository that a site no longer carries (the package brings them). */
export const PRODUCT_PATHS = new Set([
  'bin', 'scripts', 'site', 'docs', 'bench', 'test', 'pack', '.ci',
  'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.pack.json', 'vitest.config.ts', 'README.md', '.nvmrc', '.gitignore',
  // Outputs and caches, rebuilt by the new site.
  '.git', 'node_modules', 'dist', '.astro', '.cache',
]);

export interface ForkFiles {
  /** Path in the new site → the fork's bytes. */
  files: Record<string, Buffer>;
  /** Lines for the person migrating: what moved where and what stayed behind. */
  report: string[];
}

export function forkFiles(fork: string): ForkFiles {
  if (!existsSync(join(fork, 'candor.config.yaml'))) throw new CliError(`${fork} has no candor.config.yaml: --from takes the folder of a Candor site (a fork of Candor's repository)`, 2);
  const files: Record<string, Buffer> = {};
  const leftBehind: string[] = [];
  let githubFiles = 0;
  for (const top of readdirSync(fork).sort()) {
    if (PRODUCT_PATHS.has(top)) {
      if (!['.git', 'node_modules', 'dist', '.astro', '.cache'].includes(top)) leftBehind.push(top);
      continue;
    }
    for (const path of filesUnder(fork, top)) {
      const bytes = readFileSync(join(fork, path));
      if (top === '.github') {
        files[join('.github', 'from-fork', path.slice('.github/'.length))] = bytes;
        githubFiles++;
      } else files[path] = bytes;
    }
  }
  const report = [
    `from ${fork}: copied ${Object.keys(files).length - githubFiles} file(s) of the site unchanged (config, incidents, announcements, templates and your own files)`,
  ];
  if (githubFiles) report.push(`its .github/ (${githubFiles} file(s)) is under .github/from-fork/ for comparison: the new workflows call Candor's reusable ones; carry over any change of your own, then delete the folder`);
  if (leftBehind.length) report.push(`left behind as Candor's (the candor package brings them): ${leftBehind.join(', ')}; a change you made there is still in ${fork}`);
  return { files, report };
}

/** Files under `top` (a file or a folder), as paths relative to the fork. */
function filesUnder(fork: string, top: string): string[] {
  if (!statSync(join(fork, top)).isDirectory()) return [top];
  return readdirSync(join(fork, top), { recursive: true, encoding: 'utf8' })
    .map((f) => join(top, f))
    .filter((f) => statSync(join(fork, f)).isFile())
    .sort();
}
