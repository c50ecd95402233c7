// What a build is for, read once from the environment the build script sets (see scripts/commands/build.ts).
import { resolve } from 'node:path';

export interface BuildEnv {
  /** Repository root holding candor.config.yaml and incidents/. */
  root: string;
  /** Mirror id to build; the first configured mirror when unset. */
  mirror?: string;
  /** The instant the site describes; the build's start when unset. */
  now: Date;
  /** A file holding the site `candor build` already loaded and validated (see model/snapshot.ts); unset under `astro dev`. */
  snapshot?: string;
  /** A file listing the pages this build may leave out because the previous output has them unchanged (see lib/reuse.ts). */
  skip?: string;
}

export function readBuildEnv(env: NodeJS.ProcessEnv = process.env): BuildEnv {
  const now = env.CANDOR_NOW ? new Date(env.CANDOR_NOW) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`CANDOR_NOW="${env.CANDOR_NOW}" is not a timestamp`);
  return {
    root: resolve(env.CANDOR_ROOT ?? process.cwd()),
    mirror: env.CANDOR_MIRROR || undefined,
    now,
    snapshot: env.CANDOR_SNAPSHOT || undefined,
    skip: env.CANDOR_SKIP || undefined,
  };
}
