// Writes a corpus case as a real repository on disk: the valid base, then the case's changes.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BASE, type CorpusCase } from './cases.ts';

export function materialize(c: CorpusCase): string {
  const root = mkdtempSync(join(tmpdir(), 'candor-corpus-'));
  for (const [path, content] of Object.entries({ ...BASE, ...c.files })) {
    const full = join(root, path);
    if (content === null) {
      rmSync(full, { force: true });
      continue;
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  for (const [path, target] of Object.entries(c.links ?? {})) symlinkSync(target, join(root, path));
  return root;
}

/** Every case is judged as of this moment: after the base history, before the "future" update. */
export const CORPUS_NOW = new Date('2026-11-23T12:00:00Z');
