// Deterministic ids in Statuspage's shape (12 lowercase base36 characters), stable across builds.
import { createHash } from 'node:crypto';

/** `kind` keeps ids of different things apart: a component and an incident may share a slug. */
export function stableId(kind: 'page' | 'component' | 'group' | 'incident' | 'update', key: string): string {
  const digest = createHash('sha256').update(`${kind}:${key}`).digest();
  // 8 bytes → a 64-bit number → base36, padded: 12 characters carry ~62 bits of the digest.
  const n = digest.readBigUInt64BE(0) % 36n ** 12n;
  return n.toString(36).padStart(12, '0');
}
