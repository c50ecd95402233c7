// The history search: Pagefind indexes each mirror's incident pages (marked data-pagefind-body) into static
// files under pagefind/, one index per language, so search needs no server and fetches only what a query needs.
// Chosen over a home-made JSON index because its index is split into small fragments: with 5,000 incidents a
// reader downloads a few tens of KB per query instead of the whole history, and it ships tested UI and stemming
// for our languages.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { CliError } from './cli-error.ts';

export async function writeSearchIndex(outDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new CliError(`search index: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new CliError(`search index: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new CliError(`search index: ${written.errors.join('; ')}`);
    // Pagefind also writes its own ready-made interfaces; the site has its own small one (public/search.js).
    const folder = join(outDir, 'pagefind');
    for (const f of await readdir(folder)) if (/-ui\.(js|css)$|^pagefind-highlight\.js$/.test(f)) await rm(join(folder, f));
  } finally {
    await index.deleteIndex();
  }
}

/** Stops Pagefind's background service once every mirror is indexed, so the CLI can exit. */
export const closeSearch = () => pagefind.close();
