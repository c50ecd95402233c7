// The benchmark sets finished folders aside and deletes them only once nothing timed runs after (bench/lib/trash.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trashAt } from '../../bench/lib/trash.ts';
import { testdir } from '../helpers/testdir.ts';

describe('the benchmark trash', () => {
  it('moves a folder out of the way whole, and deletes what it took only when emptied', () => {
    const root = testdir({ 'run/dist/index.html': '<p>one</p>', 'run/dist/a/b.html': '<p>two</p>' }, { config: null });
    const trash = trashAt(join(root, 'trash'));
    trash.discard(join(root, 'run', 'dist'));
    expect(existsSync(join(root, 'run', 'dist'))).toBe(false);
    // The same path can be written again at once, and set aside again: each goes under a name of its own.
    mkdirSync(join(root, 'run', 'dist'));
    writeFileSync(join(root, 'run', 'dist', 'index.html'), '<p>again</p>');
    trash.discard(join(root, 'run', 'dist'));
    const taken = readdirSync(join(root, 'trash'));
    expect(taken).toHaveLength(2);
    expect(taken.map((t) => readFileSync(join(root, 'trash', t, 'index.html'), 'utf8')).sort()).toEqual(['<p>again</p>', '<p>one</p>']);
    trash.empty();
    expect(existsSync(join(root, 'trash'))).toBe(false);
    expect(existsSync(join(root, 'run'))).toBe(true);
  });

  it('passes over a path that does not exist', () => {
    const root = testdir({}, { config: null });
    const trash = trashAt(join(root, 'trash'));
    trash.discard(join(root, 'never-built'));
    expect(existsSync(join(root, 'trash'))).toBe(false);
  });
});
