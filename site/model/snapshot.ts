// The loaded site as bytes, so `candor build` reads and validates the content once and hands the result to
// every render thread, instead of each of them reading every file again (seconds per thread at thousands of
// incidents, and the memory of every parsed YAML document while it ran). With it go the site's bodies, rendered
// once (prose.ts), so no thread parses a body the build already rendered.
//
// V8's structured serialisation for the site rather than JSON: it keeps dates as dates and `undefined` fields as
// they are, so the site a build renders is exactly the one that was validated, and at 5,000 incidents it reads
// back in 50 ms where JSON with a reviver for the dates took 240 ms (in every mirror's process).
//
// The bodies are not deserialised with the site: they are half of the bytes (23 of 44 MB at 5,000 incidents), and a
// thread shows few of them (an update's pages show the bodies of the fifty newest incidents or so). They follow the
// site in the order `siteBodies` lists them, in chunks of 64 serialised apart, after a table of where each chunk
// starts; a thread reads a chunk when a page first asks for one of its bodies (`PackedProse`), from the very bytes
// it was handed. A build shares those bytes between its threads (render/pool.ts), so no thread holds a copy of its
// own: read in full, they took each thread 0.17 s and about 50 MB at 5,000 incidents.
//
// The incidents' digests go with the site (incident-digest.ts): the thread that lints keys its kept findings by them.
import { deserialize, serialize } from 'node:v8';
import { incidentDigest, rememberDigest } from './incident-digest.ts';
import type { ProseLookup, RenderedBody } from './markdown.ts';
import { siteBodies, type ProseTable } from './prose.ts';
import type { Site } from './site.ts';

export interface Snapshot {
  site: Site;
  prose: ProseLookup;
}

/** Before the site: the length of its bytes and the number of chunks, each a 32-bit unsigned integer. */
const HEADER = 8;
/** Bodies serialised together: small enough that a page asking for one reads little it does not show. */
const CHUNK = 64;
const aligned = (n: number) => Math.ceil(n / 4) * 4;

export function serializeSnapshot(snapshot: { site: Site; prose: ProseTable }): Uint8Array {
  const site = serialize({ site: snapshot.site, digests: snapshot.site.incidents.map(incidentDigest) });
  const bodies = [...siteBodies(snapshot.site)];
  // A body the table does not hold (none, in a build) is null: the page that shows it renders it.
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bodies.length; i += CHUNK) chunks.push(serialize(bodies.slice(i, i + CHUNK).map((body) => snapshot.prose.get(body) ?? null)));
  const offsets = new Uint32Array(chunks.length + 1);
  chunks.forEach((chunk, i) => (offsets[i + 1] = offsets[i]! + chunk.byteLength));
  const tableAt = aligned(HEADER + site.byteLength);
  const chunksAt = tableAt + offsets.byteLength;
  // Shared memory from the start: a build hands these very bytes to every render thread (render/pool.ts), where a
  // copy into shared memory cost as long as writing them (37 MB at 5,000 incidents, 0.15 s).
  const bytes = new Uint8Array(new SharedArrayBuffer(chunksAt + offsets[chunks.length]!));
  const header = new DataView(bytes.buffer);
  header.setUint32(0, site.byteLength, true);
  header.setUint32(4, chunks.length, true);
  bytes.set(site, HEADER);
  bytes.set(new Uint8Array(offsets.buffer), tableAt);
  chunks.forEach((chunk, i) => bytes.set(chunk, chunksAt + offsets[i]!));
  return bytes;
}

/** The site, and its bodies read from `bytes` as they are asked for: `bytes` must stay as they are meanwhile. */
export function deserializeSnapshot(bytes: Uint8Array): Snapshot {
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER);
  const [siteLength, count] = [header.getUint32(0, true), header.getUint32(4, true)];
  const { site, digests } = deserialize(bytes.subarray(HEADER, HEADER + siteLength)) as { site: Site; digests: string[] };
  site.incidents.forEach((incident, i) => rememberDigest(incident, digests[i]!));
  const tableAt = aligned(HEADER + siteLength);
  // A view needs an aligned start in its buffer; bytes handed over at an odd offset are copied once instead.
  const start = bytes.byteOffset + tableAt;
  const offsets = start % 4 === 0 ? new Uint32Array(bytes.buffer, start, count + 1) : new Uint32Array(bytes.slice(tableAt, tableAt + 4 * (count + 1)).buffer);
  return { site, prose: new PackedProse(site, offsets, bytes.subarray(tableAt + offsets.byteLength)) };
}

/** The snapshot's bodies, each chunk read when one of its bodies is first asked for (markdown.ts keeps what it read). */
class PackedProse implements ProseLookup {
  #index: Map<string, number> | undefined;
  readonly #read = new Map<number, (RenderedBody | null)[]>();
  readonly #site: Site;
  readonly #offsets: Uint32Array;
  readonly #chunks: Uint8Array;
  constructor(site: Site, offsets: Uint32Array, chunks: Uint8Array) {
    this.#site = site;
    this.#offsets = offsets;
    this.#chunks = chunks;
  }

  get(markdown: string): RenderedBody | undefined {
    // The bodies in the order they were written: the same walk over the same site.
    this.#index ??= new Map([...siteBodies(this.#site)].map((body, i) => [body, i]));
    const i = this.#index.get(markdown);
    if (i === undefined) return undefined;
    const at = Math.floor(i / CHUNK);
    let chunk = this.#read.get(at);
    if (!chunk) this.#read.set(at, (chunk = deserialize(this.#chunks.subarray(this.#offsets[at]!, this.#offsets[at + 1]!)) as (RenderedBody | null)[]));
    return chunk[i % CHUNK] ?? undefined;
  }
}
