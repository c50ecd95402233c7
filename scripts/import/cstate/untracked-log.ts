// A cState log written without track shortcodes, as a timeline: only the times the post itself gives.
import type { Status } from '../../../site/model/states.ts';
import type { DraftUpdate } from '../draft.ts';
import type { Report } from '../report.ts';
import type { Stamp } from '../stamp.ts';
import { LABELS } from './labels.ts';
import { oldestFirst, splitUntracked } from './updates.ts';

/**
 * A log written without track shortcodes, as real cState sites mostly write them: its oldest entry is an update
 * at the post's date, and its newest, when the post is resolved, one at resolvedWhen, each with its label's status
 * (text without the label). Entries between have no date of their own: they stay, labels and all, in the text of
 * the oldest update, which is when the post began. Undefined (the body stays whole, reported) when the labels do not
 * say which entry is oldest, or the newest entry of a resolved post has no usable resolvedWhen.
 */
export function untrackedLog(paragraphs: string[], date: Stamp, resolved: boolean, resolvedWhen: Stamp | undefined, file: string, report: Report): { updates: DraftUpdate[]; intro: string } | undefined {
  const log = splitUntracked(paragraphs);
  if (!log) return undefined;
  const labels = log.entries.map((e) => `"${e.label}"`).join(', ');
  const ordered = oldestFirst(log.entries);
  const whole = (why: string) => void report.note(file, `is written as a log without times (labels ${labels}), but ${why}; it stays whole, as one update — check it`);
  if (!ordered) return whole('its labels do not say which entry came first');
  const closing = resolved && ordered.length > 1;
  if (closing && !(resolvedWhen && resolvedWhen.date > date.date)) return whole(resolvedWhen ? 'its resolvedWhen is not after its date' : 'it has no resolvedWhen to date its last entry');
  const first = ordered[0]!;
  const last = closing ? ordered.at(-1)! : undefined;
  const between = ordered.slice(1, closing ? -1 : undefined);
  const status = (e: (typeof ordered)[number], fallback: Status): Status => (e.status ? LABELS[e.status].incident : fallback);
  const firstStatus = status(first, 'investigating');
  const updates: DraftUpdate[] = [{ at: date, status: firstStatus, body: [first.status ? first.body : first.text, ...between.map((e) => e.text)].filter(Boolean).join('\n\n'), components: {} }];
  if (last) updates.push({ at: resolvedWhen!, status: status(last, firstStatus), body: last.status ? last.body : last.text, components: {} });
  report.note(
    file,
    `is written as a log without times (labels ${labels}): its first entry ("${first.label}") is an update at its date (${date.text})` +
      (last ? `, its last ("${last.label}") one at its resolvedWhen (${resolvedWhen!.text})` : '') +
      (between.length ? `; ${between.length} entr${between.length === 1 ? 'y' : 'ies'} between (${between.map((e) => `"${e.label}"`).join(', ')}) ha${between.length === 1 ? 's' : 've'} no date of ${between.length === 1 ? 'its' : 'their'} own and stay in the first update's text with ${between.length === 1 ? 'its label' : 'their labels'}` : ''),
  );
  return { updates, intro: log.intro.join('\n\n') };
}
