// Where an alert payload comes from: a file (--file), or the repository_dispatch event the workflow runs on
// ($GITHUB_EVENT_PATH), whose `client_payload` is the tool's body, or wraps it as { "payload": … } (GitHub allows
// at most 10 top-level keys in client_payload; Grafana's body has more).
import { readFileSync, statSync } from 'node:fs';
import { CliError } from '../lib/cli-error.ts';

/** Far above any real group of alerts; a larger file is refused before it is read. */
export const MAX_BYTES = 1_000_000;

export function readAlertInput(file: string | undefined, eventPath = process.env.GITHUB_EVENT_PATH): unknown {
  const path = file ?? eventPath;
  if (!path) throw new CliError('give the payload with --file FILE, or run in the workflow (GITHUB_EVENT_PATH, a repository_dispatch event)', 2);
  const what = file ? `--file ${file}` : `the event ${path}`;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new CliError(`${what}: cannot be read (does it exist?)`, 2);
  }
  if (size > MAX_BYTES) throw new CliError(`${what}: ${size} bytes is more than the ${MAX_BYTES} an alert payload may have; send one group of alerts at a time`, 1);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CliError(`${what}: not JSON (${(e as Error).message.slice(0, 200)})`, 1);
  }
  return file ? json : fromDispatch(json, what);
}

function fromDispatch(event: unknown, what: string): unknown {
  const e = event as { action?: unknown; client_payload?: unknown };
  if (typeof e !== 'object' || e === null || !('client_payload' in e)) throw new CliError(`${what}: not a repository_dispatch event (no client_payload); send the alert with event_type "candor-alert"`, 1);
  let p = e.client_payload;
  if (typeof p === 'string') {
    try {
      p = JSON.parse(p);
    } catch {
      throw new CliError(`${what}: client_payload is a string but not JSON`, 1);
    }
  }
  const wrapped = p as { payload?: unknown };
  return typeof wrapped === 'object' && wrapped !== null && 'payload' in wrapped && Object.keys(wrapped).length === 1 ? wrapped.payload : p;
}
