// Writes the reference pages that are generated, not written: the configuration keys from the zod
// schemas and the lint rules from the rules themselves. Runs before every docs build (npm run docs:build),
// so the pages cannot drift from the code; the generated files are not committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configPage } from './generate/config-reference.ts';
import { lintPage } from './generate/lint-reference.ts';

export const GENERATED = { 'configuration.md': configPage, 'lint-rules.md': lintPage };

const dir = join(import.meta.dirname, 'src', 'content', 'docs');
mkdirSync(dir, { recursive: true });
for (const [file, page] of Object.entries(GENERATED)) writeFileSync(join(dir, file), page());
console.log(`docs: wrote ${Object.keys(GENERATED).join(', ')}`);
