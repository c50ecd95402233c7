// The name of a new update file beside those already in its folder. Two people (or two issue-form posts) may
// post to one incident in the same minute: the second then gets a name with seconds, by the same rule an import
// names updates (site/model/write/update-names.ts), so posts never collide and both keep their true order.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUpdateFileName, updateFileStem } from '../../site/model/time.ts';
import { updateNames } from '../../site/model/write/update-names.ts';

/**
 * A free file name in `dir` for an update posted at `exact`, and the time it stands for. The same text posted
 * again in the same minute is a repeat, not a second post: its existing name is returned, which the writer
 * refuses to overwrite.
 */
export function freeUpdateName(dir: string, exact: Date, text: string): { name: string; at: Date } {
  const files = readdirSync(dir);
  const minute = updateFileStem(exact).slice(0, -1);
  const repeat = files.find((f) => f.startsWith(minute) && /^[\dT-]+Z\.md$/.test(f) && readFileSync(join(dir, f), 'utf8') === text);
  if (repeat) return { name: repeat, at: parseUpdateFileName(repeat)!.date };
  const stems = files.flatMap((f) => parseUpdateFileName(f)?.stem ?? []);
  const [free] = updateNames([exact], stems);
  return { name: `${free!.stem}.md`, at: free!.at };
}
