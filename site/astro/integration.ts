// The Candor integration: hands this run's options (options.ts) to the content loader and the pages as a virtual
// module, so nothing reaches them through environment variables.
import type { AstroIntegration } from 'astro';
import { OPTIONS_MODULE, type CandorOptions } from './options.ts';

const RESOLVED = `\0${OPTIONS_MODULE}`;

export function candor(options: CandorOptions): AstroIntegration {
  return {
    name: 'candor',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'candor:options',
                resolveId: (id) => (id === OPTIONS_MODULE ? RESOLVED : undefined),
                load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(options)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
