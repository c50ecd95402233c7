// The example's clock: the shipped example describes one moment, so a newcomer's first `npm start` is coherent
// on any day. Only the example sets it; a deployed site must run on the real clock.
import type { Config, MirrorConfig } from './schema/config.ts';

/** The moment a site is shown as of: the example's clock when configured, else the moment asked for. */
export function siteMoment(config: Pick<Config, 'example_clock'>, now: Date): Date {
  return config.example_clock ?? now;
}

/** Mirrors that would deploy a site frozen at the example's clock: none may exist while one is set. */
export function deployedOnExampleClock(config: Pick<Config, 'example_clock' | 'mirrors'>): MirrorConfig[] {
  return config.example_clock ? config.mirrors.filter((m) => m.deploy) : [];
}
