// The Astro configuration of one Candor run, shared by astro.config.mjs (`astro dev`, `astro build`) and the
// programmatic builds of `candor build` and `candor preview` (scripts/lib/astro.ts).
import type { AstroIntegration, AstroUserConfig } from 'astro';
import { resolve } from 'node:path';
import { formatErrors } from '../model/errors.ts';
import { readConfig } from '../model/load/config.ts';
import { candor } from './integration.ts';
import type { CandorOptions } from './options.ts';

export interface AstroRun extends CandorOptions {
  /** Where the pages go; dist/<mirror> when unset. */
  outDir?: string;
  /** Astro's cache (the content store among it): private to each `candor build` run (scripts/lib/astro.ts). */
  cacheDir?: string;
  /** Vite's dependency cache: parallel builds renamed each other's deps_temp folders in a shared one (ENOTEMPTY). */
  viteCacheDir?: string;
  /** More integrations: the tests' fault injection (test/helpers/fault-integration.ts) comes in this way. */
  integrations?: AstroIntegration[];
}

export async function astroConfig(run: AstroRun): Promise<AstroUserConfig> {
  const root = resolve(run.root);
  const { config, errors } = await readConfig(root);
  if (!config) throw new Error(formatErrors(errors));
  const mirror = config.mirrors.find((m) => m.id === run.mirror) ?? config.mirrors[0]!;
  const url = new URL(mirror.url);
  const options: CandorOptions = { root, mirror: mirror.id, now: run.now, snapshot: run.snapshot, skip: run.skip };
  return {
    srcDir: './site',
    publicDir: './site/public',
    outDir: run.outDir ?? `./dist/${mirror.id}`,
    cacheDir: run.cacheDir ?? `./node_modules/.astro/${mirror.id}`,
    site: url.origin,
    base: url.pathname,
    trailingSlash: 'ignore',
    build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
    compressHTML: true,
    devToolbar: { enabled: false },
    // No telemetry, no prefetch script: a status page makes no request it does not need.
    prefetch: false,
    integrations: [candor(options), ...(run.integrations ?? [])],
    ...(run.viteCacheDir ? { vite: { cacheDir: run.viteCacheDir } } : {}),
  };
}
