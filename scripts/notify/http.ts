// One HTTP POST, classified for retrying: network errors, timeouts, 408, 429 and 5xx may pass on a later try;
// other 4xx mean the request itself is wrong (a revoked webhook, a bad token) and fail at once.
import { isLoopback } from '../../site/model/schema/notifications.ts';
import { RetryAfterError } from './retry.ts';
import { PermanentError } from './secrets.ts';

const TIMEOUT_MS = 15_000;

export interface PostRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Refuses plain http except to this machine: a webhook URL is a credential, and so is what we send. */
export function checkUrl(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PermanentError(`${what} is not a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) throw new PermanentError(`${what} must be an https:// URL`);
  return url;
}

/** Where a request goes, without the secret parts (paths of webhook URLs are tokens). */
export const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return '(not a URL)';
  }
};

export async function post(request: PostRequest): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  } catch (e) {
    const cause = (e as Error & { cause?: Error }).cause;
    throw new Error(`could not reach ${hostOf(request.url)}: ${cause?.message ?? (e as Error).message}`);
  }
  if (response.ok) return response;
  const text = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ').trim();
  const message = `${hostOf(request.url)} answered ${response.status}${text ? `: ${text}` : ''}`;
  if (response.status === 429 || response.status === 503) {
    const after = Number(response.headers.get('retry-after'));
    if (Number.isFinite(after) && after > 0) throw new RetryAfterError(message, after * 1000);
  }
  if (response.status === 408 || response.status === 429 || response.status >= 500) throw new Error(message);
  throw new PermanentError(message);
}
