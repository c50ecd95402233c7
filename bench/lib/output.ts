// What a build wrote: pages, files and bytes per mirror.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface OutputStats {
  pages: number;
  files: number;
  /** Sum of file sizes. */
  bytes: number;
  /** Space taken on disk (whole blocks), which is what tens of thousands of small files really cost. */
  diskBytes: number;
}

export function outputStats(dir: string): OutputStats {
  const stats: OutputStats = { pages: 0, files: 0, bytes: 0, diskBytes: 0 };
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, f));
    if (!s.isFile()) continue;
    stats.files++;
    stats.bytes += s.size;
    stats.diskBytes += s.blocks * 512;
    if (f.endsWith('.html')) stats.pages++;
  }
  return stats;
}

export function addStats(all: OutputStats[]): OutputStats {
  return all.reduce((a, b) => ({ pages: a.pages + b.pages, files: a.files + b.files, bytes: a.bytes + b.bytes, diskBytes: a.diskBytes + b.diskBytes }), {
    pages: 0,
    files: 0,
    bytes: 0,
    diskBytes: 0,
  });
}

/** Files under `dir` whose path matches, with their sizes, largest first. */
export function largest(dir: string, match: RegExp): { file: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => match.test(f))
    .map((file) => ({ file, bytes: statSync(join(dir, file)).size }))
    .sort((a, b) => b.bytes - a.bytes);
}
