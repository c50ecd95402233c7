// Test-only: an Astro integration that breaks rendering at the first incident page, after other pages have been
// written, as a crashing renderer would. Production code knows nothing of it: the tests hand its path to the
// build through its dependency parameter (scripts/commands/build.ts BuildDeps), see candor-with-fault.ts.
import type { AstroIntegration } from 'astro';

export default function fault(): AstroIntegration {
  return {
    name: 'candor-test:fault',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: new URL('./fault-middleware.ts', import.meta.url), order: 'pre' });
      },
    },
  };
}
