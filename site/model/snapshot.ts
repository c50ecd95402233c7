// The loaded site as bytes, so `candor build` reads and validates the content once and hands the result to
// every render thread, instead of each of them reading every file again (seconds per thread at thousands of
// incidents, and the memory of every parsed YAML document while it ran). With it go the site's bodies, rendered
// once (prose.ts), so no thread parses a body the build already rendered.
//
// V8's structured serialisation rather than JSON: it keeps dates as dates and `undefined` fields as they are,
// so the site a build renders is exactly the one that was validated, and at 5,000 incidents it reads back in
// 50 ms where JSON with a reviver for the dates took 240 ms (in every mirror's process).
//
// The incidents' digests go with them (incident-digest.ts): the thread that lints keys its kept findings by them.
import { deserialize, serialize } from 'node:v8';
import { incidentDigest, rememberDigest } from './incident-digest.ts';
import type { ProseTable } from './prose.ts';
import type { Site } from './site.ts';

export interface Snapshot {
  site: Site;
  prose: ProseTable;
}

export function serializeSnapshot(snapshot: Snapshot): Buffer {
  return serialize({ ...snapshot, digests: snapshot.site.incidents.map(incidentDigest) });
}

export function deserializeSnapshot(bytes: Uint8Array): Snapshot {
  const { site, prose, digests } = deserialize(bytes) as Snapshot & { digests: string[] };
  site.incidents.forEach((incident, i) => rememberDigest(incident, digests[i]!));
  return { site, prose };
}
