// `astro dev` and `astro build` run on their own serve the first mirror in the config, at the real clock.
// `candor build` and `candor preview` pass the same configuration to Astro's programmatic API with their options
// (site/astro/config.ts), so this file holds no logic of its own.
import { defineConfig } from 'astro/config';
import { astroConfig } from './site/astro/config.ts';

export default defineConfig(await astroConfig({ root: '.' }));
