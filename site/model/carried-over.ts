// A cache over what an earlier run kept, that remembers which entries this run used or made anew: what to keep
// for the next run. An entry nobody asked for this time (a deleted or changed folder, an edited incident) goes.
// The model only defines the seam; where the entries live between runs (on disk, in a dev server) is the caller's.

export interface CarriedOver<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** What this run used or made: the next run's `before`. */
  readonly used: Map<string, T>;
  readonly hits: number;
  readonly misses: number;
}

export function carriedOver<T>(before: ReadonlyMap<string, T>): CarriedOver<T> {
  const used = new Map<string, T>();
  let hits = 0;
  let misses = 0;
  return {
    used,
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    get(key) {
      const found = before.get(key);
      if (found) used.set(key, found), hits++;
      else misses++;
      return found;
    },
    set(key, value) {
      used.set(key, value);
    },
  };
}
