// The order in which the render threads take shares (scripts/lib/render/pool.ts): the largest first, so the
// largest mirror's rendering, and the linking, indexing and swapping that follow it, do not run alone at the end.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { firstThreads, PAGES_FOR_ANOTHER_THREAD, renderPool, takeLargest, type ThreadWorker } from '../../scripts/lib/render/pool.ts';
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
    const pool = renderPool({ entry: 'entry.mjs', now: '2026-11-23T12:00:00Z', snapshot: new Uint8Array(1) }, { threads: 2, first: 2, spawn });
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

  it('start one per core but one, and the last when a large build has many pages waiting', async () => {
    expect([1, 2, 4].map(firstThreads)).toEqual([1, 1, 3]);
    const setup = { entry: 'entry.mjs', now: '2026-11-23T12:00:00Z', snapshot: new Uint8Array(1) };
    // An update: every mirror's few pages go to the one thread, while the build's own thread and Pagefind use the other core.
    const small = fakeThreads();
    const update = renderPool(setup, { threads: 2, spawn: small.spawn });
    const lint = update.lint({ root: '/site', code: 'c' });
    const rendered = [['eu', 295], ['global', 67], ['apac', 67], ['cn', 67]].map(([mirror, pages]) => update.renderMirror({ mirror: String(mirror), outDir: `/out/${mirror}`, skip: [] }, 1, Number(pages)));
    expect(small.threads).toHaveLength(1);
    small.threads[0]!.emit('message', 'loaded');
    for (const answer of [{ ok: true, findings: [] }, ...[295, 67, 67, 67].map((n) => ({ ok: true, rendered: n, files: [] }))]) small.threads[0]!.emit('message', answer);
    expect(await lint).toEqual([]);
    expect((await Promise.all(rendered)).map((r) => r.rendered)).toEqual([295, 67, 67, 67]);
    expect(small.threads).toHaveLength(1);
    await update.close();
    // A first build of a large history: once as many pages wait as would keep a thread busy for seconds, the last core renders too.
    const large = fakeThreads();
    const cold = renderPool(setup, { threads: 2, spawn: large.spawn });
    void cold.renderMirror({ mirror: 'global', outDir: '/out/global', skip: [] }, 2, PAGES_FOR_ANOTHER_THREAD - 2).catch(() => {});
    expect(large.threads).toHaveLength(1);
    void cold.renderMirror({ mirror: 'eu', outDir: '/out/eu', skip: [] }, 2, 4).catch(() => {});
    expect(large.threads).toHaveLength(2);
    // Never more than one per core.
    void cold.renderMirror({ mirror: 'cn', outDir: '/out/cn', skip: [] }, 2, 20_000).catch(() => {});
    expect(large.threads).toHaveLength(2);
    await cold.close();
  });
});
