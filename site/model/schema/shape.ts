// Type plumbing that lets the model types be derived from the schemas instead of declared a second time.

/** `next_update` → `nextUpdate`: frontmatter is snake_case (like Statuspage's API), the model camelCase. */
export type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** An object type with its keys renamed by `Camel`; optional keys stay optional. */
export type CamelKeys<T> = { [K in keyof T as K extends string ? Camel<K> : K]: T[K] };

/**
 * The renaming `CamelKeys` describes, for objects parsed by any of `schemas` (the variants of one file, such as an
 * incident's and a maintenance window's update): every key of every variant, so a new frontmatter key needs no
 * mapping. Keys the file leaves out are set to undefined, in the schemas' order, so that all objects of one kind
 * have the same keys in the same order: V8 then gives them one hidden class, and the code that reads tens of
 * thousands of updates stays as fast as it was with hand-written copies.
 */
export function camelKeysOf(...schemas: { shape: object }[]): <T extends object>(data: T) => CamelKeys<T> {
  const keys = [...new Set(schemas.flatMap((s) => Object.keys(s.shape)))];
  const names = keys.map(camel);
  return <T extends object>(data: T) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) out[names[i]!] = (data as Record<string, unknown>)[keys[i]!];
    return out as CamelKeys<T>;
  };
}

export function camel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
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
