// The loaded site as bytes, so `candor build` reads and validates the content once and hands the result to
// every mirror's build process, instead of each of them reading every file again (seconds per process at
// thousands of incidents, and the memory of every parsed YAML document while it ran).
//
// V8's structured serialisation rather than JSON: it keeps dates as dates and `undefined` fields as they are,
// so the site a build renders is exactly the one that was validated, and at 5,000 incidents it reads back in
// 50 ms where JSON with a reviver for the dates took 240 ms (in every mirror's process).
import { deserialize, serialize } from 'node:v8';
import type { Site } from './site.ts';

export function serializeSite(site: Site): Buffer {
  return serialize(site);
}

export function deserializeSite(bytes: Uint8Array): Site {
  return deserialize(bytes) as Site;
}
