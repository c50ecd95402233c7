// What was sent, kept where the team can review it: a folder (in CI, a checkout of the `candor-ledger` branch).
//   deliveries.jsonl one line per move of one message between the states of delivery-state.ts: reserved (a run is
//                    about to send it), sent, failed (certainly not delivered: sent again by the next run), unsure
//                    (may have arrived: a person decides); which run attempt made the move, when, and why
//   position.json    the commit up to which every new update reached every channel it was meant for
//   sent.jsonl, reserved.jsonl   the files ledgers written before deliveries.jsonl kept; still read, never written
// Each move is appended the moment it happens, so a run that dies half-way still knows what went out. In CI the
// reservations are pushed before anything is sent: if the record of a delivery is then lost (the final push
// fails, the job is killed), the next attempt finds the message reserved by another attempt with no outcome, and
// records it as unsure instead of sending it again. Never twice, and nothing certainly undelivered is forgotten.
// Email addresses never appear: a recipient is recorded as a hash of the channel and the address.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../lib/cli-error.ts';
import { canMove, DELIVERY_STATES, NEW, type DeliveryState, type StateOrNew } from './delivery-state.ts';

/** One message: an update, to a channel, to one receiver of it (`to`, for channels with several: email). */
export interface MessageKey {
  update: string;
  channel: string;
  /** Hash of the recipient, for channels with several (email). */
  to?: string;
}

/** One line of deliveries.jsonl. A reservation without `to` covers every receiver of the update on that channel. */
export interface Move extends MessageKey {
  state: DeliveryState;
  /** The run attempt that made the move (in CI: run id.attempt), or `by hand` for a person's --arrived/--lost. */
  attempt: string;
  at: string;
  /** The commit the run had checked out. */
  commit?: string;
  detail?: string;
}

export interface MessageState {
  state: StateOrNew;
  /** The attempt that made the last move. */
  attempt?: string;
  detail?: string;
}

export interface Position {
  commit: string;
  at: string;
}

const JOURNAL = 'deliveries.jsonl';
const LEGACY_SENT = 'sent.jsonl';
const LEGACY_RESERVED = 'reserved.jsonl';
const POSITION = 'position.json';

export const recipientHash = (channel: string, address: string) => createHash('sha256').update(`${channel}\0${address.toLowerCase()}`).digest('hex').slice(0, 16);

/** How a message is named on the command line (`--arrived`, `--lost`) and in reports: channel:update[:recipient]. */
export const messageName = (k: MessageKey) => `${k.channel}:${k.update}${k.to ? `:${k.to}` : ''}`;

export function parseMessageName(name: string): MessageKey | undefined {
  const m = /^([^:\s]+):([^:\s]+)(?::([0-9a-f]{16}))?$/.exec(name);
  return m ? { channel: m[1]!, update: m[2]!, ...(m[3] ? { to: m[3] } : {}) } : undefined;
}

interface Line extends Move {
  /** Where it was read, for errors. */
  where: string;
  /** Lines of the old files: taken as they are. */
  legacy?: boolean;
}

function readLines(dir: string, name: string): { value: Record<string, unknown>; where: string }[] {
  const file = join(dir, name);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      const where = `${file}:${i + 1}`;
      try {
        const value: unknown = JSON.parse(line);
        if (value && typeof value === 'object' && typeof (value as MessageKey).update === 'string' && typeof (value as MessageKey).channel === 'string') return [{ value: value as Record<string, unknown>, where }];
      } catch {
        // reported below
      }
      throw new CliError(`${where}: is not a ledger line ({"update": …, "channel": …}); fix or remove that line (git log shows who wrote it)`);
    });
}

const groupOf = (k: Pick<MessageKey, 'update' | 'channel'>) => `${k.update}\t${k.channel}`;

export class Ledger {
  readonly dir: string;
  private readonly dryRun: boolean;
  /** Lines by channel and update, in the order written. */
  private readonly lines = new Map<string, Line[]>();

  constructor(dir: string, { dryRun = false } = {}) {
    this.dir = dir;
    this.dryRun = dryRun;
    const legacy = (name: string, state: DeliveryState) => readLines(dir, name).map(({ value, where }) => ({ ...(value as unknown as Move), state, attempt: String(value.attempt ?? 'an earlier run'), where, legacy: true }));
    const journal = readLines(dir, JOURNAL).map(({ value, where }) => {
      if (!DELIVERY_STATES.includes(value.state as DeliveryState)) throw new CliError(`${where}: "state" must be one of ${DELIVERY_STATES.join(', ')}; fix or remove that line`);
      return { ...(value as unknown as Move), where };
    });
    for (const line of [...legacy(LEGACY_RESERVED, 'reserved'), ...legacy(LEGACY_SENT, 'sent'), ...journal]) this.add(line);
  }

  private add(line: Line): void {
    const group = groupOf(line);
    this.lines.set(group, [...(this.lines.get(group) ?? []), line]);
  }

  /**
   * Where a message stands: the moves recorded for it, in order, each from the state the one before left. A
   * reservation of the whole channel (no `to`) applies to a receiver only where it may (never to one already sent).
   */
  state(key: MessageKey): MessageState {
    let current: MessageState = { state: NEW };
    for (const line of this.lines.get(groupOf(key)) ?? []) {
      if (line.to !== undefined && line.to !== key.to) continue;
      if (line.legacy || canMove(current.state, line.state)) current = { state: line.state, attempt: line.attempt, detail: line.detail };
      else if (!(line.to === undefined && line.state === 'reserved')) {
        throw new CliError(`${line.where}: moves ${messageName(key)} from ${current.state} to ${line.state}, which the ledger does not allow; remove that line, or settle an unsure message with candor notify --arrived/--lost`);
      }
    }
    return current;
  }

  /**
   * Whether the reserve step should reserve this update on this channel: it was never reserved, or it (or one of
   * its receivers) certainly failed. Receivers are not known without secrets, so this reads what runs recorded.
   */
  needsReserving(key: Pick<MessageKey, 'update' | 'channel'>): boolean {
    const lines = this.lines.get(groupOf(key)) ?? [];
    const receivers = [...new Set(lines.map((l) => l.to))];
    return !lines.length || receivers.some((to) => this.state({ ...key, to }).state === 'failed');
  }

  /** Records a move; a move the states do not allow is a bug in the caller. */
  move(key: MessageKey, state: DeliveryState, by: { attempt: string; at?: Date; commit?: string; detail?: string }): void {
    const from = this.state(key).state;
    // A whole channel's reservation stands for its receivers: allowed when one of them may be reserved.
    const group = key.to === undefined && state === 'reserved' && this.needsReserving(key);
    if (!group && !canMove(from, state)) throw new Error(`ledger: ${messageName(key)} cannot move from ${from} to ${state}`);
    const line: Move = { update: key.update, channel: key.channel, ...(key.to ? { to: key.to } : {}), state, attempt: by.attempt, at: (by.at ?? new Date()).toISOString(), ...(by.commit ? { commit: by.commit } : {}), ...(by.detail ? { detail: by.detail } : {}) };
    this.add({ ...line, where: join(this.dir, JOURNAL) });
    if (this.dryRun) return;
    mkdirSync(this.dir, { recursive: true });
    appendFileSync(join(this.dir, JOURNAL), `${JSON.stringify(line)}\n`);
  }

  /** Every message a receiver-level or channel-level line names, with where it stands. */
  messages(): { key: MessageKey; state: MessageState }[] {
    const out: { key: MessageKey; state: MessageState }[] = [];
    for (const lines of this.lines.values()) {
      for (const to of new Set(lines.map((l) => l.to))) {
        const key = { update: lines[0]!.update, channel: lines[0]!.channel, ...(to ? { to } : {}) };
        out.push({ key, state: this.state(key) });
      }
    }
    return out;
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

  /** Moves the position; the caller makes sure it only ever moves forward (git.ts isAncestor). */
  advance(commit: string, at: Date): void {
    if (this.dryRun) return;
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, POSITION), `${JSON.stringify({ commit, at: at.toISOString() } satisfies Position, null, 2)}\n`);
  }
}
