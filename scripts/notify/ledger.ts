// What was sent, kept where the team can review it: a folder (in CI, a checkout of the `candor-ledger` branch)
// holding two files.
//   sent.jsonl     one line per delivery: update id, channel, recipient (hashed), when, from which commit
//   position.json  the commit up to which every new update reached every channel it was meant for
//   reserved.jsonl one line per message a run is about to send: which run (attempt) reserved it
// Each delivery is appended the moment it succeeds, so a run that dies half-way still knows what went out. In CI
// the reservations are pushed before anything is sent: if the record of a delivery is then lost (the final push
// fails, the job is killed), the re-run finds the message reserved by another attempt and not recorded as sent,
// and does not send it again (it reports it as unsure instead). Never twice, even when the ledger push fails.
// Email addresses never appear: a recipient is recorded as a hash of the channel and the address.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../lib/cli-error.ts';

export interface LedgerEntry {
  update: string;
  channel: string;
  /** Hash of the recipient, for channels with several (email). */
  to?: string;
  at: string;
  commit: string;
}

export interface Reservation {
  update: string;
  channel: string;
  to?: string;
  /** The run attempt that will send it (in CI: run id and attempt number). */
  attempt: string;
  at: string;
}

function readLines<T>(dir: string, name: string): T[] {
  const file = join(dir, name);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      try {
        return [JSON.parse(line) as T];
      } catch {
        throw new CliError(`${file}:${i + 1}: is not a JSON line; fix or remove that line (git log shows who wrote it)`);
      }
    });
}

export interface Position {
  commit: string;
  at: string;
}

const SENT = 'sent.jsonl';
const RESERVED = 'reserved.jsonl';
const POSITION = 'position.json';

export const recipientHash = (channel: string, address: string) => createHash('sha256').update(`${channel}\0${address.toLowerCase()}`).digest('hex').slice(0, 16);

const keyOf = (e: Pick<LedgerEntry, 'update' | 'channel' | 'to'>) => `${e.update}\t${e.channel}\t${e.to ?? ''}`;

export class Ledger {
  readonly dir: string;
  private readonly sent = new Set<string>();
  /** Message key → the attempt that reserved it. */
  private readonly reserved = new Map<string, string>();
  private readonly dryRun: boolean;

  constructor(dir: string, { dryRun = false } = {}) {
    this.dir = dir;
    this.dryRun = dryRun;
    for (const e of readLines<LedgerEntry>(dir, SENT)) this.sent.add(keyOf(e));
    for (const e of readLines<Reservation>(dir, RESERVED)) this.reserved.set(keyOf(e), e.attempt);
  }

  /** The attempt that reserved a message, if one did. */
  reservedBy(entry: Pick<LedgerEntry, 'update' | 'channel' | 'to'>): string | undefined {
    return this.reserved.get(keyOf(entry));
  }

  reserve(entry: Reservation): void {
    this.reserved.set(keyOf(entry), entry.attempt);
    if (this.dryRun) return;
    mkdirSync(this.dir, { recursive: true });
    appendFileSync(join(this.dir, RESERVED), `${JSON.stringify(entry)}\n`);
  }

  has(entry: Pick<LedgerEntry, 'update' | 'channel' | 'to'>): boolean {
    return this.sent.has(keyOf(entry));
  }

  record(entry: LedgerEntry): void {
    this.sent.add(keyOf(entry));
    if (this.dryRun) return;
    mkdirSync(this.dir, { recursive: true });
    appendFileSync(join(this.dir, SENT), `${JSON.stringify(entry)}\n`);
  }

  position(): Position | undefined {
    const file = join(this.dir, POSITION);
    if (!existsSync(file)) return undefined;
    try {
      const p = JSON.parse(readFileSync(file, 'utf8')) as Position;
      if (typeof p.commit === 'string' && /^[0-9a-f]{7,64}$/.test(p.commit)) return p;
    } catch {
      // reported below
    }
    throw new CliError(`${file}: must hold {"commit": "<sha>", "at": "<time>"}; fix it, or delete it and pass --since`);
  }

  advance(commit: string, at: Date): void {
    if (this.dryRun) return;
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, POSITION), `${JSON.stringify({ commit, at: at.toISOString() } satisfies Position, null, 2)}\n`);
  }
}
