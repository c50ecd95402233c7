// Type plumbing that lets the model types be derived from the schemas instead of declared a second time.

/** `next_update` → `nextUpdate`: frontmatter is snake_case (like Statuspage's API), the model camelCase. */
export type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** An object type with its keys renamed by `Camel`; optional keys stay optional. */
export type CamelKeys<T> = { [K in keyof T as K extends string ? Camel<K> : K]: T[K] };

/** The renaming `CamelKeys` describes, done to a parsed object: every key, so a new frontmatter key needs no mapping. */
export function camelKeys<T extends object>(data: T): CamelKeys<T> {
  const out: Record<string, unknown> = {};
  for (const key in data) out[camel(key)] = data[key];
  return out as CamelKeys<T>;
}

/**
 * Names seen so far: a schema has a dozen keys and the loader renames them tens of thousands of times, and the
 * regular expression per key tripled the cost of parsing an update (measured: 20,000 updates, 28 → 83 ms).
 */
const camelNames = new Map<string, string>();

export function camel(key: string): string {
  let name = camelNames.get(key);
  if (name === undefined) camelNames.set(key, (name = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())));
  return name;
}

/** Shows an intersection as one object type (in editors and compiler messages). */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

type KeysOfUnion<U> = U extends unknown ? keyof U : never;
type ValueInUnion<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;

/**
 * The variants of a union (incident | maintenance) as one object type, the way consumers read it: keys every
 * variant has keep their (joined) types, keys only some have become optional.
 */
export type Flat<U> = FlatKnown<WithoutIndex<U>>;
type FlatKnown<U> = Simplify<Pick<U, keyof U> & { [K in Exclude<KeysOfUnion<U>, keyof U>]?: ValueInUnion<U, K> }>;

/** Drops the index signature zod gives an empty strict object (`{ [k: string]: never }`): it names no field. */
type WithoutIndex<U> = U extends unknown ? { [K in keyof U as string extends K ? never : K]: U[K] } : never;
