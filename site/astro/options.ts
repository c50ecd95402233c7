// What one Astro run of Candor is for. `candor build` and `candor preview` pass these to Astro's programmatic API;
// `astro dev` and `astro build` without them get the defaults (the first mirror, the real clock). They reach the
// content loader and the pages through the integration's virtual module (integration.ts), not the environment.

export interface CandorOptions {
  /** Folder holding candor.config.yaml and incidents/. */
  root: string;
  /** Mirror id to build; the first configured mirror when unset. */
  mirror?: string;
  /** The instant the site describes (ISO 8601); the moment of each load when unset, as in `astro dev`. */
  now?: string;
  /** A file holding the site `candor build` already loaded and validated (model/snapshot.ts). */
  snapshot?: string;
  /** Page files this build may leave out, because the previous output has them unchanged (lib/reuse.ts). */
  skip?: string[];
}

/** The module every page and the content config import the options from. */
export const OPTIONS_MODULE = 'virtual:candor/options';
