// Retries with growing waits: a receiver that is briefly down (a 502, a timeout, a rate limit) gets the message a
// few seconds later instead of never. Mistakes that a retry cannot fix (a 404, a missing secret) fail at once.
import { setTimeout as sleep } from 'node:timers/promises';
import { PermanentError } from './secrets.ts';

export interface RetryPolicy {
  /** Further attempts after the first. */
  retries: number;
  /** Wait before the first retry; doubled for each next one. */
  baseMs: number;
}

/** An error that says how long the receiver asked us to wait (HTTP Retry-After). */
export class RetryAfterError extends Error {
  readonly waitMs: number;
  constructor(message: string, waitMs: number) {
    super(message);
    this.waitMs = waitMs;
  }
}

/** Longest wait honoured from a Retry-After header, so one channel cannot hold the run for long. */
const MAX_WAIT_MS = 60_000;

export async function withRetries<T>(policy: RetryPolicy, attempt: (n: number) => Promise<T>, onRetry?: (error: Error, n: number) => void): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      const error = e as Error;
      if (error instanceof PermanentError || n >= policy.retries) throw error;
      onRetry?.(error, n + 1);
      const wait = error instanceof RetryAfterError ? Math.min(error.waitMs, MAX_WAIT_MS) : policy.baseMs * 2 ** n;
      await sleep(wait);
    }
  }
}

/** The policy for this run: the config's retries, waits of 2, 4, 8… s (CANDOR_NOTIFY_BACKOFF_MS changes the first). */
export function retryPolicy(retries: number, env: NodeJS.ProcessEnv = process.env): RetryPolicy {
  const base = Number(env.CANDOR_NOTIFY_BACKOFF_MS);
  return { retries, baseMs: Number.isFinite(base) && base >= 0 && env.CANDOR_NOTIFY_BACKOFF_MS ? base : 2000 };
}
