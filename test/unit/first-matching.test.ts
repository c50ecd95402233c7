// The latest few of a long history stop being looked for once found (site/model/first-matching.ts).
import { describe, expect, it } from 'vitest';
import { firstMatching } from '../../site/model/first-matching.ts';

describe('firstMatching', () => {
  it('keeps the first n in order and asks nothing of the rest', () => {
    const asked: number[] = [];
    const even = (n: number) => (asked.push(n), n % 2 === 0);
    expect(firstMatching([1, 2, 3, 4, 5, 6, 7, 8], 2, even)).toEqual([2, 4]);
    expect(asked).toEqual([1, 2, 3, 4]);
  });

  it('gives all it finds when there are fewer, and none for n = 0 without asking', () => {
    expect(firstMatching([1, 2, 3], 5, (n) => n > 1)).toEqual([2, 3]);
    let asked = 0;
    expect(firstMatching([1, 2], 0, () => (asked++, true))).toEqual([]);
    expect(asked).toBe(0);
  });
});
