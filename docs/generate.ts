// Writes the reference pages that are generated, not written: the configuration keys from the zod
// schemas and the lint rules from the rules themselves. Runs before every docs build (npm run docs:build).
// The pages are committed too, because messages in the code link to their sources in the repository;
// test/docs fails when a committed page differs from what this writes, so they cannot drift from the code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configPage } from './generate/config-reference.ts';
import { lintPage } from './generate/lint-reference.ts';

export const GENERATED = { 'configuration.md': configPage, 'lint-rules.md': lintPage };

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = join(import.meta.dirname, 'src', 'content', 'docs');
  mkdirSync(dir, { recursive: true });
  for (const [file, page] of Object.entries(GENERATED)) writeFileSync(join(dir, file), page());
  console.log(`docs: wrote ${Object.keys(GENERATED).join(', ')}`);
}
