// How many pages Pagefind indexes at once across all mirrors of a build. Pagefind's processes (services.ts) serve
// every mirror, and each holds the indexes it builds in memory, in proportion to its pages (about 150 MB for a year
// of 1,250 incident pages in one language), so big bundles wait for each other; small ones, such as the bundles of
// recent days an update touches in each language of each mirror, start together, since each costs Pagefind a fixed
// ~50 ms that would otherwise add up one after another. A bundle larger than the limit runs alone.
export interface PageGate {
  /** Runs `work` once `pages` more pages fit under the limit (or nothing else runs). */
  run<T>(pages: number, work: () => Promise<T>): Promise<T>;
}

export function pageGate(limit: number): PageGate {
  let inFlight = 0;
  const waiting: { pages: number; start: () => void }[] = [];
  const drain = () => {
    // In order: a big bundle is not passed over by every small one after it.
    while (waiting.length && (inFlight === 0 || inFlight + waiting[0]!.pages <= limit)) {
      const next = waiting.shift()!;
      inFlight += next.pages;
      next.start();
    }
  };
  return {
    async run(pages, work) {
      await new Promise<void>((start) => {
        waiting.push({ pages, start });
        drain();
      });
      try {
        return await work();
      } finally {
        inFlight -= pages;
        drain();
      }
    },
  };
}
