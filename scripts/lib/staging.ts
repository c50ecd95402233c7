// Builds into a staging folder and swaps it into place only when the build succeeded, so a failed build
// never leaves a half-written site where the old one was.
import { mkdir, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export async function buildAtomically<T>(target: string, build: (staging: string) => Promise<T>): Promise<T> {
  const parent = dirname(target);
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const staging = join(parent, `.staging-${basename(target)}-${tag}`);
  const old = join(parent, `.old-${basename(target)}-${tag}`);
  await mkdir(parent, { recursive: true });
  let result: T;
  try {
    result = await build(staging);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  // Two renames: the old site stays whole until the instant the new one replaces it.
  if (existsSync(target)) await rename(target, old);
  await rename(staging, target);
  await rm(old, { recursive: true, force: true });
  return result;
}
