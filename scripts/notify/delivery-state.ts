// The states of one message (one update, to one channel, to one receiver) in the ledger, and the only moves
// between them. Every line the ledger's journal holds is one move; anything else is refused when read.
//
//   (new) ──reserve──▶ reserved ──▶ sent      the receiver took it: final
//                         │  └────▶ failed    it certainly did not arrive (an error answer, no connection, held
//                         │           │       behind an earlier failure): the next run or re-run reserves it again
//                         │           └──────▶ reserved
//                         └───────▶ unsure    it went out and no answer came, or the attempt that reserved it left
//                                     │       no outcome (killed, its ledger push lost): it may have arrived
//                                     └─────▶ sent | failed   only by a person, after looking at the channel
//                                                             (`candor notify --arrived` / `--lost`)

export const DELIVERY_STATES = ['reserved', 'sent', 'failed', 'unsure'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** A message the ledger has never seen. */
export const NEW = 'new';
export type StateOrNew = DeliveryState | typeof NEW;

/** From each state, where a message may go next. */
export const MOVES: Record<StateOrNew, readonly DeliveryState[]> = {
  new: ['reserved'],
  reserved: ['sent', 'failed', 'unsure'],
  failed: ['reserved'],
  unsure: ['sent', 'failed'],
  sent: [],
};

export const canMove = (from: StateOrNew, to: DeliveryState) => MOVES[from].includes(to);

/** Messages in these states hold the ledger's position: they are not known to have arrived. */
export const OUTSTANDING: readonly StateOrNew[] = ['new', 'reserved', 'failed', 'unsure'];
