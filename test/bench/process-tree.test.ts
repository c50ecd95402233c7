// The benchmark's memory of a whole process tree (bench/lib/process-tree.ts) counts each process once: a child
// caught between its fork and its exec runs its parent's program on its parent's pages, and is not added again.
import { describe, expect, it } from 'vitest';
import { runTree } from '../../bench/lib/process-tree.ts';

describe('the process tree the benchmark samples', () => {
  it('leaves out a child still running its parent\'s program, and names each process by its own', async () => {
    // The subshell is a fork of bash that runs no program of its own for 0.8 s; `sleep` is one that does.
    const r = await runTree('bash', ['-c', '(sleep 0.8; true); true']);
    expect(r.code).toBe(0);
    const commands = r.atPeak.map((p) => p.command);
    expect(commands.filter((c) => c.startsWith('bash'))).toHaveLength(1);
    expect(commands).toContain('sleep 0.8');
  });
});
