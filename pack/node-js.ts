// `npm pack` / `npm publish` hooks (package.json prepack, postpack): the JavaScript Node runs from an installed
// Candor. Node strips types only outside node_modules (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING), so everything
// Node loads itself — the CLI, the model, the Astro config and the render threads — is emitted as .js beside its .ts
// for the tarball (tsconfig.pack.json says which), and removed again after, so the repository keeps running the
// .ts directly. The pages, layouts and components stay .ts/.astro: Vite compiles those, inside node_modules too.
//
//   node pack/node-js.ts emit    before packing
//   node pack/node-js.ts clean   after packing (and safe any time: removes only .js files that have a .ts twin)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
/** The folders tsconfig.pack.json emits into; clean looks nowhere else. */
export const EMITTED_ROOTS = ['scripts', 'site/model', 'site/astro', 'site/lib', 'site/i18n'];

/** Emitted files: a .js whose .ts twin is beside it (hand-written .js such as site/components/local-time.js has none). */
export function emittedFiles(repo = REPO): string[] {
  return EMITTED_ROOTS.flatMap((root) => {
    const dir = join(repo, root);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js') && existsSync(join(dir, f.slice(0, -3) + '.ts')))
      .map((f) => join(dir, f));
  });
}

function clean(): void {
  for (const f of emittedFiles()) rmSync(f);
}

function emit(): void {
  clean();
  // tsc, not a bundler: one .js per .ts keeps import.meta.url-relative paths (templates, worker, compile child) true.
  execFileSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO, 'tsconfig.pack.json')], { stdio: 'inherit' });
}

const step = process.argv[2];
if (step === 'emit') emit();
else if (step === 'clean') clean();
else if (step !== undefined) {
  console.error(`pack/node-js.ts: unknown step "${step}" (emit or clean)`);
  process.exitCode = 2;
}
