// Retries with growing waits: a receiver that is briefly down (a 502, a timeout, a rate limit) gets the message a
// few seconds later instead of never. Mistakes that a retry cannot fix (a 404, a missing secret) fail at once, and a
// request that went out unanswered (UnsureError) is never repeated: the receiver may already have it.
import { setTimeout as sleep } from 'node:timers/promises';
import { UnsureError } from './unsure.ts';
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
      if (error instanceof PermanentError || error instanceof UnsureError || n >= policy.retries) throw error;
      onRetry?.(error, n + 1);
      const wait = error instanceof RetryAfterError ? Math.min(error.waitMs, MAX_WAIT_MS) : policy.baseMs * 2 ** n;
      await sleep(wait);
    }
  }
}

/** The policy for this run: the config's retries, waits of 2, 4, 8… s (tests pass a shorter first wait). */
export function retryPolicy(retries: number, baseMs = 2000): RetryPolicy {
  return { retries, baseMs };
}
