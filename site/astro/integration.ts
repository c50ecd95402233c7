// The Candor integration: gives the pages the run they render (options.ts) through a virtual module, so nothing
// reaches them through environment variables. In a compiled app (scripts/lib/render/compile.ts) the module only
// reads the run its host hands over; in `astro dev` and a plain `astro build` this integration is the host: it
// loads the site (source.ts), and in dev loads it again on every saved change and reloads the page.
import type { AstroIntegration } from 'astro';
import { OPTIONS_MODULE, RUN_KEY, type CandorOptions } from './options.ts';
import { fileURLToPath } from 'node:url';
import { devWatchIgnored } from './dev-watch.ts';
import { lazyStackMaps } from './dev-stack-maps.ts';
import { SiteSource, WATCHED } from './source.ts';
import { problemsPage } from '../lib/problems-page.ts';

const RESOLVED = `\0${OPTIONS_MODULE}`;

/** `compiled`: the app is compiled once for every mirror and build, and its hosts hand over the run. */
export function candor(options: CandorOptions | 'compiled'): AstroIntegration {
  const source = options === 'compiled' ? undefined : new SiteSource(options);
  return {
    name: 'candor',
    hooks: {
      'astro:config:setup': async ({ updateConfig, command, config }) => {
        if (source && command === 'build') await source.loadOrThrow();
        else if (source) await source.load();
        updateConfig({
          vite: {
            ...(source && command === 'dev' ? { server: { watch: { ignored: [devWatchIgnored(fileURLToPath(config.root), source.options.root, WATCHED)] } } } : {}),
            ...(command === 'dev' ? { environments: await lazyStackMaps() } : {}),
            plugins: [
              {
                name: 'candor:options',
                resolveId: (id) => (id === OPTIONS_MODULE ? RESOLVED : undefined),
                load: (id) => (id === RESOLVED ? `export default globalThis[Symbol.for(${JSON.stringify(RUN_KEY.description)})];` : undefined),
              },
            ],
          },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!source) return;
        // A request made just after a save waits for its reload, so a fixed file never shows its old problem.
        // Content that never loaded has no page to show the problems above: they get a page of their own, not the
        // overlay, and each request tries the content again (a fix saved while the watcher was starting is seen).
        server.middlewares.use((_req, res, next) =>
          void source.settled().then(async () => {
            if (!source.hasContent) await source.load();
            if (source.hasContent) next();
            else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(problemsPage(source.problems));
          }),
        );
        source.watch(server.watcher, logger, () => {
          // The run module is read once per evaluation of the pages: a full reload makes the module runner evaluate
          // them afresh with the new run, and the browser load the page again.
          const ssr = server.environments.ssr;
          const mod = ssr.moduleGraph.getModuleById(RESOLVED);
          if (mod) ssr.moduleGraph.invalidateModule(mod);
          ssr.hot.send({ type: 'full-reload' });
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        });
      },
    },
  };
}
