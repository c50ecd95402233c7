// The order in which the render threads take shares (scripts/lib/render/pool.ts): the largest first, so the
// largest mirror's rendering, and the linking, indexing and swapping that follow it, do not run alone at the end.
import { describe, expect, it } from 'vitest';
import { takeLargest } from '../../scripts/lib/render/pool.ts';

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
