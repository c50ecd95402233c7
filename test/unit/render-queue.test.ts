// The order in which the render threads take shares (scripts/lib/render/pool.ts): the largest first, so the
// largest mirror's rendering, and the linking, indexing and swapping that follow it, do not run alone at the end.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { renderPool, takeLargest, type ThreadWorker } from '../../scripts/lib/render/pool.ts';
import type { ThreadTask } from '../../scripts/lib/render/worker.ts';

describe('the render queue', () => {
  it('hands out the share with the most pages first, whenever it was queued', () => {
    // In a rebuild the small mirrors reach their rendering first: their keys are quicker to compute.
    const queue = [
      { mirror: 'apac', pages: 69 },
      { mirror: 'global', pages: 69 },
      { mirror: 'eu', pages: 152.5 },
      { mirror: 'eu', pages: 152.5 },
      { mirror: 'cn', pages: 70 },
    ];
    const order = [];
    for (let share = takeLargest(queue); share; share = takeLargest(queue)) order.push(share.mirror);
    expect(order).toEqual(['eu', 'eu', 'cn', 'apac', 'global']);
    expect(queue).toEqual([]);
  });

  it('keeps the order of arrival among shares of the same size, and has nothing to hand out when empty', () => {
    const queue = [{ id: 1, pages: 10 }, { id: 2, pages: 10 }];
    expect(takeLargest(queue)?.id).toBe(1);
    expect(takeLargest(queue)?.id).toBe(2);
    expect(takeLargest(queue)).toBeUndefined();
  });
});

describe('the render threads', () => {
  /** A stand-in thread: records the tasks it is handed, says when it has loaded, answers when told. */
  function fakeThreads() {
    const threads: (EventEmitter & { tasks: ThreadTask[]; postMessage(t: ThreadTask): void; terminate(): Promise<number> })[] = [];
    const spawn = () => {
      const thread = Object.assign(new EventEmitter(), {
        tasks: [] as ThreadTask[],
        postMessage(task: ThreadTask) {
          thread.tasks.push(task);
        },
        terminate: async () => 0,
      });
      threads.push(thread);
      return thread as unknown as ThreadWorker;
    };
    return { threads, spawn };
  }
  const named = (t: ThreadTask) => (t.kind === 'lint' ? 'lint' : t.mirror);

  it('hand a thread work once it has loaded the app: then it takes the largest of everything queued', async () => {
    const { threads, spawn } = fakeThreads();
    const pool = renderPool({ entry: 'entry.mjs', now: '2026-11-23T12:00:00Z', snapshot: new Uint8Array(1) }, 2, spawn);
    const lint = pool.lint({ root: '/site', code: 'c' });
    // The small mirrors are ready first, the five-language one last, all while the threads still load.
    const mirrors = [['global', 66], ['apac', 66], ['eu', 290]].map(([mirror, pages]) => pool.renderMirror({ mirror: String(mirror), outDir: `/out/${mirror}`, skip: [] }, 1, Number(pages)));
    expect(threads.map((t) => t.tasks.length)).toEqual([0, 0]);
    threads[0]!.emit('message', 'loaded');
    threads[1]!.emit('message', 'loaded');
    expect(threads.map((t) => t.tasks.map(named))).toEqual([['lint'], ['eu']]);
    // Each takes the next largest as it answers.
    threads[0]!.emit('message', { ok: true, findings: [] });
    expect(threads[0]!.tasks.map(named)).toEqual(['lint', 'global']);
    threads[1]!.emit('message', { ok: true, rendered: 290, files: [] });
    expect(threads[1]!.tasks.map(named)).toEqual(['eu', 'apac']);
    threads[0]!.emit('message', { ok: true, rendered: 66, files: [] });
    threads[1]!.emit('message', { ok: true, rendered: 66, files: [] });
    expect(await lint).toEqual([]);
    expect((await Promise.all(mirrors)).map((r) => r.rendered)).toEqual([66, 66, 290]);
    await pool.close();
  });
});
