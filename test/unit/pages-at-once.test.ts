// The limit on pages Pagefind indexes at once (scripts/lib/search/pages-at-once.ts): small bundles together,
// big ones one after another, in the order they came, and a limit that can grow while work waits.
import { describe, expect, it } from 'vitest';
import { pageGate } from '../../scripts/lib/search/pages-at-once.ts';

/** Work that records when it starts and ends, and ends when told. */
function recorder() {
  const log: string[] = [];
  const ends = new Map<string, () => void>();
  const work = (name: string) => () =>
    new Promise<string>((resolve) => {
      log.push(`start ${name}`);
      ends.set(name, () => (log.push(`end ${name}`), resolve(name)));
    });
  const end = async (name: string) => {
    ends.get(name)!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { log, work, end };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('pages indexed at once', () => {
  it('starts small bundles together', async () => {
    const gate = pageGate(100);
    const { log, work, end } = recorder();
    const done = ['a', 'b', 'c'].map((n) => gate.run(10, work(n)));
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    for (const n of ['a', 'b', 'c']) await end(n);
    expect(await Promise.all(done)).toEqual(['a', 'b', 'c']);
  });

  it('runs big bundles one after another, a bundle above the limit alone, in the order they came', async () => {
    const gate = pageGate(100);
    const { log, work, end } = recorder();
    void gate.run(80, work('big'));
    void gate.run(500, work('huge'));
    void gate.run(5, work('small'));
    await settle();
    expect(log).toEqual(['start big']);
    await end('big');
    expect(log).toEqual(['start big', 'end big', 'start huge']);
    await end('huge');
    expect(log.slice(-2)).toEqual(['end huge', 'start small']);
  });

  it('frees its pages when the work fails', async () => {
    const gate = pageGate(100);
    await expect(gate.run(90, () => Promise.reject(new Error('index failed')))).rejects.toThrow('index failed');
    expect(await gate.run(90, async () => 'next')).toBe('next');
  });
});
