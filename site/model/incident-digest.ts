// One digest per incident, of all of it: what the page keys (lib/reuse.ts) and the linter's kept findings
// (lint/index.ts) stand on. Made from the incident's JSON, which at 5,000 incidents is 20 MB to write and hash:
// about 0.2 s, paid in the CLI for the keys and again in the render thread that lints. So it is made once, when a
// folder is read and kept (load/index.ts), kept with the folder between builds, and handed to the render threads
// with the snapshot (snapshot.ts); an incident that came by none of these ways is digested when first asked.
import { createHash } from 'node:crypto';
import type { Incident } from './site.ts';

const digests = new WeakMap<Incident, string>();

/** sha256 of the incident's JSON, base64url. */
export function incidentDigest(incident: Incident): string {
  let digest = digests.get(incident);
  if (digest === undefined) digests.set(incident, (digest = createHash('sha256').update(JSON.stringify(incident)).digest('base64url')));
  return digest;
}

/** Takes a digest made earlier of this very incident (read back from a cache or a snapshot) instead of making it again. */
export function rememberDigest(incident: Incident, digest: string): void {
  digests.set(incident, digest);
}
