// Astro builds one mirror per run. The build script (scripts/commands/build.ts) sets CANDOR_MIRROR,
// CANDOR_OUT_DIR and CANDOR_CACHE_DIR; `astro dev` without them serves the first mirror in the config.
import { defineConfig } from 'astro/config';
import { resolve } from 'node:path';
import { readConfig } from './site/model/load/config.ts';

// A build started by `candor build` ends with it: when that process is killed (even with SIGKILL, which it cannot
// pass on), this one notices within a second and exits, instead of writing on into a folder nobody will use.
// An orphan is adopted by another process, so its parent id changes (a dead parent's id may even be reused).
const parent = Number(process.env.CANDOR_PARENT_PID);
if (parent) {
  const orphaned = () => process.ppid !== parent && process.exit(1);
  orphaned();
  setInterval(orphaned, 1000).unref();
}

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
  // Vite's dependency cache defaults to node_modules/.vite, shared by every build: builds side by side (mirrors,
  // two test runs) renamed each other's deps_temp folders there (ENOTEMPTY). The build script gives each its own.
  ...(process.env.CANDOR_VITE_CACHE_DIR ? { vite: { cacheDir: process.env.CANDOR_VITE_CACHE_DIR } } : {}),
});
