// The Astro configuration of Candor, shared by astro.config.mjs (`astro dev`, `astro build`), `candor preview` and
// the compiled app every `candor build` renders from (scripts/lib/render/compile.ts): one set of pages, styles and
// settings, whoever hosts them.
import type { AstroIntegration, AstroUserConfig } from 'astro';
import { resolve } from 'node:path';
import { formatErrors } from '../model/errors.ts';
import { readConfig } from '../model/load/config.ts';
import { candor } from './integration.ts';
import type { CandorOptions } from './options.ts';

export interface AstroRun extends CandorOptions {
  /** Where the pages go; dist/<mirror> when unset. */
  outDir?: string;
  /** Astro's cache: private to each run that may run beside another. */
  cacheDir?: string;
  /** Vite's dependency cache: parallel builds renamed each other's deps_temp folders in a shared one (ENOTEMPTY). */
  viteCacheDir?: string;
  /** More integrations (tests inject faults this way). */
  integrations?: AstroIntegration[];
}

/** What every Candor configuration shares: where the site is, and how pages are written. */
const shared = {
  srcDir: './site',
  publicDir: './site/public',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // No telemetry, no prefetch script: a status page makes no request it does not need.
  prefetch: false,
} satisfies AstroUserConfig;

/** One mirror served by Astro itself: `astro dev`, `candor preview`, or a plain `astro build`. */
export async function astroConfig(run: AstroRun): Promise<AstroUserConfig> {
  const root = resolve(run.root);
  const { config, errors } = await readConfig(root);
  if (!config) throw new Error(formatErrors(errors));
  const mirror = config.mirrors.find((m) => m.id === run.mirror) ?? config.mirrors[0]!;
  const url = new URL(mirror.url);
  return {
    ...shared,
    outDir: run.outDir ?? `./dist/${mirror.id}`,
    cacheDir: run.cacheDir ?? `./node_modules/.astro/${mirror.id}`,
    site: url.origin,
    base: url.pathname,
    integrations: [candor({ root, mirror: mirror.id, now: run.now }), ...(run.integrations ?? [])],
    ...(run.viteCacheDir ? { vite: { cacheDir: run.viteCacheDir } } : {}),
  };
}

/**
 * The compiled app: every page built once for Astro's App (server output, with the render adapter), holding no
 * content and no mirror. Pages make their links from the mirror's own URL (lib/urls.ts), so the app's base is `/`
 * and its requests name paths within a mirror.
 */
export function compiledConfig(outDir: string, cacheDir: string, integrations: AstroIntegration[] = []): AstroUserConfig {
  return {
    ...shared,
    outDir,
    cacheDir,
    // The dependencies are bundled into the app too (noExternal): each render thread imports the app, and with
    // them left outside it resolved and loaded 724 modules on its own (zod alone 229, the Markdown stack most of
    // the rest), 0.45-0.55 s of a thread's start; bundled, 0.15-0.3 s, and the output is byte for byte the same.
    vite: { cacheDir: `${cacheDir}/vite`, ssr: { noExternal: true } },
    site: 'https://compiled.candor.invalid',
    base: '/',
    output: 'server',
    adapter: renderAdapter(),
    integrations: [candor('compiled'), ...integrations],
  };
}

/** The adapter of the compiled app: its entry is site/astro/render-entry.ts, run by Candor's render workers. */
function renderAdapter(): AstroIntegration {
  return {
    name: 'candor:render',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'candor:render',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./render-entry.ts', import.meta.url),
          supportedAstroFeatures: { staticOutput: 'stable', serverOutput: 'stable', sharpImageService: 'unsupported' },
        });
      },
    },
  };
}
