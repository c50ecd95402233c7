// Node's module compile cache for the CLI and every thread and child process it starts: V8's compiled code of each
// module kept on disk, so a run after the first neither strips types nor compiles again. Plain JavaScript, like the
// entry that calls it (Node 20 has no enableCompileCache: then nothing happens).
//
// The folder is the package's own cache folder (node_modules/.cache/candor/compile: in Candor's repository under its
// root, in a site under node_modules/candor), beside the compiled app, so the deploy workflow keeps it in the
// Actions cache with the app under the same key of the code. In the system's temporary folder, as Node's default
// has it, every CI job compiled every module again: about 0.2 s for the CLI's start and the same in each render
// thread loading the app. NODE_COMPILE_CACHE chooses another folder; NODE_DISABLE_COMPILE_CACHE turns it off.
import { readdirSync, rmSync } from 'node:fs';
// The default import: a named one of a function Node 20 lacks would fail before the version check could speak.
import module from 'node:module';
import { fileURLToPath } from 'node:url';

export const COMPILE_CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/candor/compile', import.meta.url));

/**
 * Node keys an entry by its file's path and checks the content, so a changed file's entry is replaced; but the
 * entries of files that are gone stay (each version of the code compiles its app into a new folder). One version
 * makes about 800 (5.5 MB): past this many the folder is emptied, and the next runs fill it again.
 */
const MOST_ENTRIES = 8000;

/** Empties `dir` when its folders (one per Node version) hold more than MOST_ENTRIES entries. */
export function trimCompileCache(dir, most = MOST_ENTRIES) {
  let entries = 0;
  try {
    for (const version of readdirSync(dir)) entries += readdirSync(`${dir}/${version}`).length;
  } catch {
    return;
  }
  if (entries > most) rmSync(dir, { recursive: true, force: true });
}

export function useCompileCache() {
  if (!module.enableCompileCache || process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const dir = process.env.NODE_COMPILE_CACHE || COMPILE_CACHE_DIR;
  trimCompileCache(dir);
  // A cache that cannot be used is no error: modules compile as they would without it.
  const { directory } = module.enableCompileCache(dir);
  // Threads and child processes take the folder from the environment.
  if (directory) process.env.NODE_COMPILE_CACHE = dir;
}
