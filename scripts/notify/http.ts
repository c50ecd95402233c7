// One HTTP POST, classified for retrying and for the ledger. Three outcomes besides success:
//   - failed, may pass on a later try: the request never fully left (no connection, DNS), or the receiver answered
//     408, 429 or 5xx — it said it did not take the message;
//   - failed for good (PermanentError): other 4xx (a revoked webhook, a bad token), a refused host;
//   - unsure (UnsureError): the whole request went out and no answer came (connection reset, timeout). The receiver
//     may have acted on it, so it is neither retried nor sent again without a person's word (the ledger's `unsure`).
// node:http rather than fetch: only it tells "the request was written" apart from "it was not", and it takes a
// `lookup`, so the address check happens on the address actually connected to.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isLoopback } from '../../site/model/schema/notifications.ts';
import { allowedAddresses, guardedLookup, PUBLIC_ONLY, type AddressPolicy } from './addresses.ts';
import { RetryAfterError } from './retry.ts';
import { PermanentError } from './secrets.ts';
import { UnsureError } from './unsure.ts';

/** How a run reaches receivers. Production: public addresses, 15 s; tests inject loopback and shorter waits. */
export interface NetOptions {
  policy: AddressPolicy;
  /** How long one request may take, from connecting to the end of the answer. */
  timeoutMs: number;
}

export const PRODUCTION_NET: NetOptions = { policy: PUBLIC_ONLY, timeoutMs: 15_000 };


export interface PostRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Where the URL came from, for errors: "the secret CANDOR_NOTIFY_SLACK_URL (url_secret of channel ops)". */
  source: string;
}

export interface PostResponse {
  status: number;
  body: string;
  /** The Retry-After header, if any. */
  retryAfter?: string;
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

export async function post(request: PostRequest, net: NetOptions): Promise<PostResponse> {
  const url = new URL(request.url);
  const host = hostOf(request.url);
  // A literal address skips the lookup below, so it is checked here.
  await allowedAddresses(url.hostname, net.policy, request.source);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const response = await new Promise<PostResponse>((resolve, reject) => {
    let written = false;
    const req = send(url, {
      method: 'POST',
      headers: { ...request.headers, 'Content-Length': String(Buffer.byteLength(request.body)) },
      lookup: guardedLookup(net.policy, request.source),
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error(`no answer within ${net.timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })), net.timeoutMs);
    req.on('finish', () => (written = true));
    req.on('error', (e: Error & { code?: string }) => {
      clearTimeout(timer);
      if (e instanceof PermanentError) return reject(e);
      const what = e.code && !e.message.includes(e.code) ? `${e.message} (${e.code})` : e.message;
      // Written in full and unanswered: the receiver may have acted on it.
      if (written) reject(new UnsureError(`${host} received the request but gave no answer: ${what}`));
      else reject(new Error(`could not reach ${host}: ${what}`));
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body = body.length < 65_536 ? body + d : body));
      const done = () => {
        clearTimeout(timer);
        // On 'error' too: the answer's status came, and a body cut short does not change it.
        resolve({ status: res.statusCode ?? 0, body, retryAfter: res.headers['retry-after'] });
      };
      res.on('end', done);
      res.on('error', done);
    });
    req.end(request.body);
  });
  if (response.status >= 200 && response.status < 300) return response;
  const text = response.body.slice(0, 200).replace(/\s+/g, ' ').trim();
  const message = `${host} answered ${response.status}${text ? `: ${text}` : ''}`;
  if (response.status === 429 || response.status === 503) {
    const after = Number(response.retryAfter);
    if (Number.isFinite(after) && after > 0) throw new RetryAfterError(message, after * 1000);
  }
  if (response.status === 408 || response.status === 429 || response.status >= 500) throw new Error(message);
  // Redirects are not followed: a webhook that moved is a setting to fix, not a hop to take.
  throw new PermanentError(message);
}
