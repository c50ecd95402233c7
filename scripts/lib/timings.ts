// Timing spans for `candor build`, printed to stderr when CANDOR_TIMINGS is set: where a slow build spends its
// time (loading, linting, each mirror's render, linking reused pages, replacing the old output), without a profiler.
const enabled = Boolean(process.env.CANDOR_TIMINGS);

export async function span<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  if (!enabled) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    console.error(`[timing] ${name}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  }
}
