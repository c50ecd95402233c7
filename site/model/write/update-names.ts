// Update files are named by their UTC minute; where the minute is taken (two updates in one minute, or a
// file already there), by the second. One rule for `candor update` and every importer.
import { updateFileStem } from '../time.ts';

const secondStem = (d: Date) => `${updateFileStem(d).slice(0, -1)}${d.toISOString().slice(17, 19)}Z`;

export interface UpdateName {
  /** `2026-11-23T0915Z` or `2026-11-23T091530Z`. */
  stem: string;
  /** The instant the name stands for, which is the update's time unless an `at:` field says otherwise. */
  at: Date;
}

/**
 * Stems for updates posted at `dates` (in order) beside the stems in `existing`: the minute when no other update
 * of the batch or folder has it, else the exact second, else the next free second of that minute.
 */
export function updateNames(dates: Date[], existing: Iterable<string> = []): UpdateName[] {
  const taken = new Set(existing);
  const minutes = dates.map(updateFileStem);
  return dates.map((date, i) => {
    const minute = minutes[i]!;
    const shared = minutes.indexOf(minute) !== minutes.lastIndexOf(minute);
    if (!shared && !taken.has(minute)) {
      taken.add(minute);
      return { stem: minute, at: new Date(Math.floor(date.getTime() / 60_000) * 60_000) };
    }
    // The update's own second, else the next free one of its minute, else (late in a crowded minute) the first
    // free one from the minute's start: the name need only say the minute, and `at:` keeps the instant.
    const start = Math.floor(date.getTime() / 60_000) * 60_000;
    const own = Math.floor(date.getTime() / 1000) * 1000 - start;
    for (let k = 0; k < 60; k++) {
      const d = new Date(start + ((own + k * 1000) % 60_000));
      // Second ":00" of a minute is the minute's own name.
      const stem = d.getUTCSeconds() === 0 ? minute : secondStem(d);
      if (!taken.has(stem)) {
        taken.add(stem);
        return { stem, at: d };
      }
    }
    return { stem: minute, at: new Date(Math.floor(date.getTime() / 60_000) * 60_000) };
  });
}
