// Timing spans for `candor build`, printed to stderr when CANDOR_TIMINGS is set: where a slow build spends its
// time (loading, linting, each mirror's render, linking reused pages, replacing the old output), without a profiler.
// Each line ends with when the span ended, in seconds since the process started (the same clock in every thread),
// so the lines of spans that overlap can be laid out on one time line.
const enabled = Boolean(process.env.CANDOR_TIMINGS);

/** Prints one span's line: its name, how long it took and when it ended. */
export function reportSpan(name: string, ms: number): void {
  if (enabled) console.error(`[timing] ${name}: ${(ms / 1000).toFixed(2)} s (ended at ${process.uptime().toFixed(2)} s)`);
}

export async function span<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  if (!enabled) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    reportSpan(name, performance.now() - started);
  }
}
