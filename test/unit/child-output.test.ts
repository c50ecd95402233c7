// outputOf (site/model/load/child-output.ts) hands a helper program a file of its own as standard output, so a program
// that prints megabytes never waits for a busy main thread. Whatever the program does, the answer is its whole
// output or nothing, and no file is left behind.
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { outputOf } from '../../site/model/load/child-output.ts';

const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`candor-output-${process.pid}-`));

describe('outputOf', () => {
  it('gives a long output whole, past what a pipe holds, and removes its file', async () => {
    // 8 MB, with no reader until the program ends: through a pipe this would stall at 64 KB.
    const out = await outputOf(process.execPath, ['-e', "process.stdout.write('x'.repeat(8 * 1024 * 1024))"]);
    expect(out?.length).toBe(8 * 1024 * 1024);
    expect(leftovers()).toEqual([]);
  });

  it('answers nothing for a program that fails or is missing, and removes its file', async () => {
    expect(await outputOf(process.execPath, ['-e', "process.stdout.write('partial'); process.exit(3)"])).toBeUndefined();
    expect(await outputOf('candor-no-such-program', [])).toBeUndefined();
    expect(leftovers()).toEqual([]);
  });
});
