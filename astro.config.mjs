// Astro builds one mirror per run. The build script (scripts/commands/build.ts) sets CANDOR_MIRROR,
// CANDOR_OUT_DIR and CANDOR_CACHE_DIR; `astro dev` without them serves the first mirror in the config.
import { defineConfig } from 'astro/config';
import { resolve } from 'node:path';
import { readConfig } from './site/model/load/config.ts';

const root = resolve(process.env.CANDOR_ROOT ?? '.');
const { config, errors } = await readConfig(root);
if (!config) throw new Error(errors.map((e) => `${e.file}: ${e.field ?? ''} ${e.message}`).join('\n'));
const mirror = config.mirrors.find((m) => m.id === process.env.CANDOR_MIRROR) ?? config.mirrors[0];
const url = new URL(mirror.url);

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.CANDOR_OUT_DIR ?? `./dist/${mirror.id}`,
  cacheDir: process.env.CANDOR_CACHE_DIR ?? `./node_modules/.astro/${mirror.id}`,
  site: url.origin,
  base: url.pathname,
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  compressHTML: true,
  devToolbar: { enabled: false },
  // No telemetry, no prefetch script: a status page makes no request it does not need.
  prefetch: false,
});
