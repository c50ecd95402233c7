// What the build's two threads share to render bodies (prose-thread.ts and its worker, prose-worker.ts): one list,
// in the same order in both, and one counter in shared memory naming the next body nobody has taken.
import type { RenderedBody } from '../../../site/model/markdown.ts';

/** The next bodies of the list, in order; `total` comes with the last message, once the content has loaded. */
export interface BodiesMessage {
  bodies: string[];
  total?: number;
}

/** What the thread rendered, by place in the list. */
export type RenderedShare = [index: number, body: RenderedBody][];

/**
 * Takes the next body for this thread, if it has one below `limit` (the bodies it has been given so far): its
 * place in the list, or -1. Compare-and-swap, so a thread never takes a place it has not been given.
 */
export function claimNext(counter: Int32Array, limit: number): number {
  for (;;) {
    const next = Atomics.load(counter, 0);
    if (next >= limit) return -1;
    if (Atomics.compareExchange(counter, 0, next, next + 1) === next) return next;
  }
}
