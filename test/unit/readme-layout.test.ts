// The README's "Layout" names real folders: a newcomer who looks for what it lists finds it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnnouncements } from '../../site/model/load/announcements.ts';
import { REPO } from '../helpers/paths.ts';

/** The paths of the Layout block: on each line, path lists and descriptions alternate, two spaces apart. */
function layoutPaths(): string[] {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const block = /## Layout\n\n```\n([\s\S]*?)```/.exec(readme)![1]!;
  return block
    .trim()
    .split('\n')
    .flatMap((line) => line.split(/\s{2,}/).filter((_, i) => i % 2 === 0))
    .flatMap((list) => {
      // The first names its place from the root; the others are its siblings ("site/pages/ components/").
      const [first, ...siblings] = list.trim().split(/\s+/);
      const parent = dirname(first!.replace(/\/$/, ''));
      return [first!, ...siblings.map((s) => join(parent, s))];
    });
}

describe('README layout', () => {
  it('names only paths that exist', () => {
    const paths = layoutPaths();
    expect(paths).toEqual(expect.arrayContaining(['incidents/', 'announcements/', 'candor.config.yaml', 'site/components/', 'site/astro/']));
    expect(paths.filter((p) => !existsSync(join(REPO, p)))).toEqual([]);
  });

  it('ships announcements/ with its explanation, which the loader skips', async () => {
    const { announcements, errors } = await readAnnouncements(REPO, new Date('2026-11-23T08:40:00Z'));
    expect(errors).toEqual([]);
    expect(announcements.every((a) => a.file.startsWith('announcements/'))).toBe(true);
  });
});
