// The server entry of the compiled app (scripts/lib/render/compile.ts): Astro's own App over every page, and the
// list of what to render, taken from each page's own getStaticPaths. It holds no content: a render worker hands
// over the run (options.ts) before importing it, and every page then reads that run. Astro calls no
// getStaticPaths while rendering (the routes are not prerendered in this server build), so nothing of one mirror's
// paths is kept for the next.
import { createApp } from 'astro/app/entrypoint';
import { now, site } from '../lib/data.ts';
import { lint, type Finding, type LintCache } from '../model/lint/index.ts';
// A render thread renders every mirror of a build in turn from this one app: it turns the pages to the next with it.
export { renderFor } from '../lib/data.ts';

/**
 * The linter's findings on the site and moment the pages render. A build lints in one of its render threads, which
 * have the site loaded and the model compiled already: a thread of its own loaded both again (about 0.7 s of
 * module loading at every build, on a 2-core runner the render threads' time) and held one more copy of the site.
 */
export const lintSite = (kept: LintCache): Finding[] => lint(site, now, kept);

// Strings are faster than streams when nobody reads the first bytes early: the worker writes whole files.
export const app = createApp({ streaming: false });

type Params = Record<string, string | undefined>;
interface PageModule {
  getStaticPaths?: () => { params: Params }[] | Promise<{ params: Params }[]>;
}
interface Part {
  content: string;
  dynamic: boolean;
  spread: boolean;
}
interface RouteData {
  component: string;
  type: string;
  params: string[];
  /** The route's path, segment by segment, as Astro's manifest records it. */
  segments: Part[][];
}

/** The path of `route` with `params`: a rest param left unset (the mirror's own language) drops its segment. */
function pathOf(route: RouteData, params: Params): string {
  const segments = route.segments.map((parts) => parts.map((p) => (p.dynamic ? (params[p.spread ? p.content.slice(3) : p.content] ?? '') : p.content)).join(''));
  return `/${segments.filter(Boolean).join('/')}`;
}

// The same modules the app renders with: one copy of each in the bundle, and so one run.
const modules = import.meta.glob<PageModule>('../pages/**/*.{astro,ts}');

/** Every path the pages list for this run's mirror, with Astro's own route for it. */
export async function pagePaths(): Promise<{ pathname: string; route: RouteData }[]> {
  const routes = (app as unknown as { manifest: { routes: { routeData: RouteData }[] } }).manifest.routes.map((r) => r.routeData);
  const paths: { pathname: string; route: RouteData }[] = [];
  for (const route of routes) {
    if (route.type !== 'page' && route.type !== 'endpoint') continue;
    const load = modules[`../${route.component.replace(/^site\//, '')}`];
    if (!load) continue;
    if (!route.params.length) {
      paths.push({ pathname: pathOf(route, {}), route });
      continue;
    }
    const mod = await load();
    for (const { params } of (await mod.getStaticPaths?.()) ?? []) paths.push({ pathname: pathOf(route, params), route });
  }
  return paths;
}
