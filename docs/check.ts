// `npm run docs:check`: builds the documentation (generated reference pages first) and checks every link
// and anchor in it, as CI does before deploying; test/docs/ runs the same two steps and asserts on the pages.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkProblems } from '../test/helpers/links.ts';

const DOCS = import.meta.dirname;
const REPO = join(DOCS, '..');

/** Writes the generated pages, then builds the site into `outDir`; returns the exit code and the output. */
export function buildDocs(outDir: string): { code: number; output: string } {
  const steps = [
    [join(DOCS, 'generate.ts')],
    [join(REPO, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', DOCS, '--outDir', resolve(outDir)],
  ];
  let output = '';
  for (const args of steps) {
    const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    output += r.stdout + r.stderr;
    if (r.status !== 0) return { code: r.status ?? 1, output };
  }
  return { code: 0, output };
}

/** Broken links and anchors, and English pages no link leads to (translations are reached by the language menu). */
export const docsLinkProblems = (outDir: string) => linkProblems(outDir, '/', (file) => /^(de|fr|sv|ro|zh-cn)\//.test(file));

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const out = process.env.CANDOR_DOCS_OUT ?? join(DOCS, 'dist');
  const built = buildDocs(out);
  if (built.code !== 0) {
    console.error(built.output);
    process.exit(built.code);
  }
  const problems = await docsLinkProblems(out);
  for (const p of problems) console.error(p);
  console.log(problems.length ? `docs: ${problems.length} link problem(s)` : `docs: built into ${out}; every link and anchor resolves`);
  process.exitCode = problems.length ? 1 : 0;
}
