// The Pagefind processes of a build (scripts/lib/search/services.ts): bundles indexed at the same time go to
// different processes, since each process answers one request at a time, and the next goes to the one with the
// fewest pages waiting. Only the module copies are loaded here; no process starts until an index is created.
import { describe, expect, it } from 'vitest';
import { allowServices, closeServices, SERVICES, withService } from '../../scripts/lib/search/services.ts';

type Pagefind = typeof import('pagefind');

describe('the Pagefind processes of a build', () => {
  it('gives bundles indexed at once to different processes, and the next to the least busy', async () => {
    const finish: (() => void)[] = [];
    const got: Pagefind[] = [];
    const hold = (pages: number) => withService(pages, (pagefind) => (got.push(pagefind), new Promise<void>((r) => finish.push(r))));
    const big = hold(900);
    const small = hold(10);
    await expect.poll(() => got.length).toBe(2);
    // One per core: with two or more, the two bundles are in two processes, each a module copy of its own.
    expect(new Set(got).size).toBe(Math.min(2, SERVICES));
    expect(typeof got[0]!.createIndex).toBe('function');
    const third = hold(50);
    await expect.poll(() => got.length).toBe(3);
    // With two processes, both busy, it waits behind the small bundle, not the big one; with more, a new one takes it.
    if (SERVICES === 2) expect(got[2]).toBe(got[1]);
    else if (SERVICES > 2) expect(got.slice(0, 2)).not.toContain(got[2]);
    finish[2]!();
    await third;
    finish[0]!();
    finish[1]!();
    await Promise.all([big, small]);
    // Once idle, a process takes work before another is started or a busier one is chosen.
    await withService(1, async (pagefind) => expect(got.slice(0, 2)).toContain(pagefind));
    await closeServices();
  });

  it('indexes in one process while the render threads hold the site, and in all once they have ended', async () => {
    const got: Pagefind[] = [];
    const finish: (() => void)[] = [];
    const hold = (pages: number) => withService(pages, (pagefind) => (got.push(pagefind), new Promise<void>((r) => finish.push(r))));
    allowServices(1);
    const first = [hold(900), hold(10)];
    await expect.poll(() => got.length).toBe(2);
    expect(got[1], 'both wait for the one process').toBe(got[0]);
    allowServices(SERVICES);
    const later = hold(10);
    await expect.poll(() => got.length).toBe(3);
    expect(got[2] === got[0]).toBe(SERVICES === 1);
    for (const f of finish) f();
    await Promise.all([...first, later]);
    await closeServices();
  });
});
