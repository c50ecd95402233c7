// The name of a new update file. Updates are named by their minute, but two people (or two issue-form posts) may
// post to one incident in the same minute: the second then gets a name with seconds (the loader reads both), so
// posts never collide and both keep their true order.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateFileStem } from '../../site/model/time.ts';

const withSeconds = (d: Date) => `${updateFileStem(d).slice(0, -1)}${d.toISOString().slice(17, 19)}Z`;

/**
 * A free file name in `dir` for an update posted at `exact`, and the time it stands for. The same text posted
 * again in the same minute is a repeat, not a second post: its existing name is returned, which the writer
 * refuses to overwrite.
 */
export function freeUpdateName(dir: string, exact: Date, text: string): { name: string; at: Date } {
  const minute = new Date(Math.floor(exact.getTime() / 60_000) * 60_000);
  const repeat = readdirSync(dir).find((f) => f.startsWith(updateFileStem(minute).slice(0, -1)) && /^[\dT-]+Z\.md$/.test(f) && readFileSync(join(dir, f), 'utf8') === text);
  if (repeat) return { name: repeat, at: minute };
  const taken = (stem: string) => existsSync(join(dir, `${stem}.md`));
  if (!taken(updateFileStem(minute))) return { name: `${updateFileStem(minute)}.md`, at: minute };
  // The exact second when it is free, else the next free one: at most a minute later.
  for (let s = Math.max(1, exact.getUTCSeconds()); s < 60; s++) {
    const d = new Date(minute.getTime() + s * 1000);
    if (!taken(withSeconds(d))) return { name: `${withSeconds(d)}.md`, at: d };
  }
  return { name: `${updateFileStem(minute)}.md`, at: minute };
}
