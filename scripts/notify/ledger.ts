// What was sent, kept where the team can review it: a folder (in CI, a checkout of the `candor-ledger` branch)
// holding two files.
//   sent.jsonl     one line per delivery: update id, channel, recipient (hashed), when, from which commit
//   position.json  the commit up to which every new update reached every channel it was meant for
// Each delivery is appended the moment it succeeds, so a run that dies half-way still knows what went out.
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

export interface Position {
  commit: string;
  at: string;
}

const SENT = 'sent.jsonl';
const POSITION = 'position.json';

export const recipientHash = (channel: string, address: string) => createHash('sha256').update(`${channel}\0${address.toLowerCase()}`).digest('hex').slice(0, 16);

const keyOf = (e: Pick<LedgerEntry, 'update' | 'channel' | 'to'>) => `${e.update}\t${e.channel}\t${e.to ?? ''}`;

export class Ledger {
  readonly dir: string;
  private readonly sent = new Set<string>();
  private readonly dryRun: boolean;

  constructor(dir: string, { dryRun = false } = {}) {
    this.dir = dir;
    this.dryRun = dryRun;
    const file = join(dir, SENT);
    if (!existsSync(file)) return;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        try {
          this.sent.add(keyOf(JSON.parse(line) as LedgerEntry));
        } catch {
          throw new CliError(`${join(dir, SENT)}:${i + 1}: is not a JSON line; fix or remove that line (git log shows who wrote it)`);
        }
      });
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
