// What one run of Candor's pages is for, and how it reaches them. Every host of the pages — the render workers
// of `candor build` (scripts/lib/render), the dev server of `candor preview`, a plain `astro dev` or `astro build` —
// hands the pages one `CandorRun` before they load, and the pages read it through the integration's virtual module
// (integration.ts). The site travels inside it as the snapshot the model made (model/snapshot.ts): the pages
// read content one way, whoever hosts them.
import type { ContentError } from '../model/errors.ts';

/** What the hosts are told by their caller (`candor preview`, astro.config.mjs). */
export interface CandorOptions {
  /** Folder holding candor.config.yaml and incidents/. */
  root: string;
  /** Mirror id to render; the first configured mirror when unset. */
  mirror?: string;
  /** The instant the site describes (ISO 8601); the moment of each load when unset, as in `astro dev`. */
  now?: string;
}

/** What the pages of one mirror render from. */
export interface CandorRun {
  /** Mirror id; the first configured mirror when unset. */
  mirror?: string;
  /** The instant the pages describe (ISO 8601), before the example clock applies. */
  now: string;
  /** The loaded, validated site (model/snapshot.ts). */
  snapshot: Uint8Array;
  /** Content problems a dev server shows above the last good content (never set in a build, which stops on them). */
  problems: ContentError[];
}

/** The module every page imports the run from. */
export const OPTIONS_MODULE = 'virtual:candor/options';

/**
 * Where a host leaves the run for the pages of its process or worker thread. The compiled app is the same for every
 * mirror and every build (scripts/lib/render/compile.ts), so the run cannot be part of it: it is handed over at
 * load time, in the one place a worker thread and a dev server share with the modules they evaluate.
 */
export const RUN_KEY = Symbol.for('candor.run');

export function handOver(run: CandorRun): void {
  (globalThis as Record<symbol, unknown>)[RUN_KEY] = run;
}
