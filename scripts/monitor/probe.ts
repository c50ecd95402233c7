// One run of one declared check. What a failure says is a kind of failure (a status code, a timeout, an error
// code), never the target or the answer's body: it goes into the pull request, which is as public as the repo.
import { connect } from 'node:net';
import type { Check } from '../../site/model/schema/monitoring.ts';

export interface ProbeResult {
  ok: boolean;
  /** Time to the answer (http) or the connection (tcp); absent for a heartbeat or when nothing answered. */
  ms?: number;
  reason?: string;
}

/** Bodies are read only this far for the expected text: a check never downloads a large page whole. */
const MAX_BODY = 1_000_000;

export async function probe(check: Check, lastPing: Date | undefined, firstSeen: Date, now: Date): Promise<ProbeResult> {
  if (check.http) return http(check.http);
  if (check.tcp) return tcp(check.tcp);
  return heartbeat(check.heartbeat!, lastPing, firstSeen, now);
}

async function http(c: NonNullable<Check['http']>): Promise<ProbeResult> {
  const start = performance.now();
  try {
    const res = await fetch(c.url, { signal: AbortSignal.timeout(c.latency_ms), redirect: 'follow', headers: { 'user-agent': 'candor-monitor' } });
    const ms = Math.round(performance.now() - start);
    const body = c.body ? await readSome(res) : (await res.body?.cancel(), '');
    if (res.status !== c.status) return { ok: false, ms, reason: `answered ${res.status}, expected ${c.status}` };
    if (c.body && !body.includes(c.body)) return { ok: false, ms, reason: 'the answer lacks the expected text' };
    if (ms > c.latency_ms) return { ok: false, ms, reason: `took ${ms} ms, budget ${c.latency_ms} ms` };
    return { ok: true, ms };
  } catch (e) {
    return { ok: false, reason: failure(e, c.latency_ms) };
  }
}

async function readSome(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_BODY) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel();
  return Buffer.concat(chunks).toString('utf8');
}

function tcp(c: NonNullable<Check['tcp']>): Promise<ProbeResult> {
  const start = performance.now();
  return new Promise((resolve) => {
    const socket = connect({ host: c.host, port: c.port, timeout: c.latency_ms });
    const done = (r: ProbeResult) => (socket.destroy(), resolve(r));
    socket.once('connect', () => {
      const ms = Math.round(performance.now() - start);
      done(ms > c.latency_ms ? { ok: false, ms, reason: `took ${ms} ms, budget ${c.latency_ms} ms` } : { ok: true, ms });
    });
    socket.once('timeout', () => done({ ok: false, reason: `no connection within ${c.latency_ms} ms` }));
    socket.once('error', (e) => done({ ok: false, reason: failure(e, c.latency_ms) }));
  });
}

const DURATION: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
export const durationMs = (d: string) => Number(d.slice(0, -1)) * DURATION[d.slice(-1)]!;

function heartbeat(c: NonNullable<Check['heartbeat']>, lastPing: Date | undefined, firstSeen: Date, now: Date): ProbeResult {
  const deadline = (lastPing ?? firstSeen).getTime() + durationMs(c.every) + durationMs(c.grace);
  if (now.getTime() <= deadline) return { ok: true };
  return { ok: false, reason: lastPing ? `missed: last ping ${lastPing.toISOString()}, expected every ${c.every} (grace ${c.grace})` : `missed: no ping since monitoring began ${firstSeen.toISOString()} (every ${c.every}, grace ${c.grace})` };
}

/** An error's code, not its message: messages name hosts, ports and addresses. */
function failure(e: unknown, budget: number): string {
  const err = e as { name?: string; code?: string; cause?: { code?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${budget} ms`;
  const code = err.code ?? err.cause?.code;
  const known: Record<string, string> = { ECONNREFUSED: 'connection refused', ECONNRESET: 'connection reset', ENOTFOUND: 'name not found (DNS)', EAI_AGAIN: 'name lookup failed (DNS)', EHOSTUNREACH: 'host unreachable', ENETUNREACH: 'network unreachable', ETIMEDOUT: `no answer within ${budget} ms` };
  if (code && known[code]) return known[code]!;
  if (code && /^(ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(code)) return `TLS error (${code})`;
  return code && /^[A-Z_]{3,40}$/.test(code) ? `failed (${code})` : 'failed';
}
