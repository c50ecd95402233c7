// The dev server's module runners map stack traces only when one is read. By default Vite's runner turns on Node's
// own source-map support, and Node then decodes the inline source map of every module the runner evaluates, read
// or not. A saved update reloads the pages, so the runner evaluates all their modules again: at 1,000 incidents that
// decoding was about 0.2 s of each live-preview refresh (0.6–1.0 s). Vite's own interceptor ('prepareStackTrace')
// maps a trace from the maps the runner already holds, when something reads it: errors still point at the source.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Astro's runnable dev environments (ASTRO_VITE_ENVIRONMENT_NAMES): the pages, prerendering, Astro's own. */
const RUNNABLE = ['ssr', 'prerender', 'astro'] as const;

interface ViteWithRunners {
  createRunnableDevEnvironment(name: string, config: unknown, context?: { runnerOptions?: { sourcemapInterceptor?: 'prepareStackTrace' } }): unknown;
}

/**
 * Vite's `environments` config making each of Astro's runnable dev environments with the lazy interceptor. Created
 * by the very Vite module Astro imports (resolved from Astro's package), since Astro tells a runnable environment by
 * its class.
 */
export async function lazyStackMaps(): Promise<Record<(typeof RUNNABLE)[number], { dev: { createEnvironment: (name: string, config: unknown) => unknown } }>> {
  const require = createRequire(import.meta.url);
  const vite = (await import(pathToFileURL(createRequire(require.resolve('astro/package.json')).resolve('vite')).href)) as ViteWithRunners;
  const createEnvironment = (name: string, config: unknown) => vite.createRunnableDevEnvironment(name, config, { runnerOptions: { sourcemapInterceptor: 'prepareStackTrace' } });
  return Object.fromEntries(RUNNABLE.map((name) => [name, { dev: { createEnvironment } }])) as never;
}
