// One drafted incident → its folder: index.md, an update file per update, postmortem.md. This is where the
// source's history is fitted to the rules `candor check` enforces, and every fitting is reported.
import { isFinalStatus, type DataLoss } from '../../site/model/states.ts';
import { HOUR, utcDay } from '../../site/model/time.ts';
import { contentFile, UnwritableText, type ContentFields } from '../../site/model/write/content-file.ts';
import { claim, incidentFolderBase } from '../../site/model/write/slug.ts';
import { timestamp } from '../../site/model/write/timestamp.ts';
import { updateNames } from '../../site/model/write/update-names.ts';
import type { PlannedFile } from '../lib/write.ts';
import type { Draft, DraftIncident, DraftUpdate } from './draft.ts';
import type { Report } from './report.ts';
import { formatAtOffset, later, offsetOf, readableStamp, type Stamp } from './stamp.ts';

export type { PlannedFile };

interface Settled extends DraftUpdate {
  nextUpdate?: Stamp;
  reopen: boolean;
  dataLoss?: DataLoss;
}

// Only an explicit statement counts; anything less leaves data_loss out, which means "not said".
const NO_DATA_LOST = /\bno (?:customer |user )?data (?:was|were|has been|have been) lost\b|\bno data loss\b|\bwithout (?:any )?data loss\b/i;

const TITLE_MAX = 200;

/** The files for one incident, in a folder named after its start day and title, unique among `taken`. */
export function incidentFiles(draft: DraftIncident, from: Draft['from'], taken: Set<string>, report: Report): { folder: string; files: PlannedFile[]; updates: number } | undefined {
  if (draft.updates.length === 0) {
    report.fail(draft.origin, 'has no updates, and a Candor incident needs at least one');
    return undefined;
  }
  const updates = [...draft.updates].sort((a, b) => a.at.date.getTime() - b.at.date.getTime());
  let started = draft.started;
  const first = updates[0]!.at;
  if (draft.kind === 'incident' && first.date < started.date) started = first;

  const title = titleOf(draft.title, draft.kind);
  const folder = claim(incidentFolderBase(utcDay(started.date), title, draft.kind), taken);
  const dir = `incidents/${folder}`;
  if (started !== draft.started) report.note(dir, `started (${draft.started.text}) was after the first update; it is now the first update's time, ${started.text}`);
  if (!draft.title.trim()) report.note(dir, `had no title; it is now "${title}"`);
  else if (title.endsWith('…') && !draft.title.trim().endsWith('…')) report.note(dir, `the title was longer than ${TITLE_MAX} characters and was shortened`);

  const settled = settle(draft, apart(updates, dir, report), dir, report);
  const names = updateNames(settled.map((u) => u.at.date));
  const file = (path: string, fields: ContentFields, body: string): PlannedFile => ({ path, content: contentFile(path, fields, body) });
  try {
    const files: PlannedFile[] = [indexFile(draft, from, title, started, settled.at(-1)?.at, dir, report)];
    settled.forEach((u, i) => {
      const name = names[i]!;
      files.push(
        file(
          `${dir}/${name.stem}.md`,
          {
            status: u.status,
            reopen: u.reopen || undefined,
            next_update: u.nextUpdate?.date,
            components: u.components,
            data_loss: u.dataLoss,
            // The file name says the minute (or second); the exact time only when it says more.
            at: u.at.date.getTime() === name.at.getTime() ? undefined : u.at.date,
            source_id: u.sourceId,
          },
          u.body,
        ),
      );
    });
    const postmortem = draft.postmortem;
    if (postmortem && !postmortem.body.trim()) {
      report.note(dir, 'the postmortem was published with no text; no postmortem.md was written');
    } else if (postmortem) {
      let published = postmortem.published;
      if (published.date < started.date) {
        published = settled.at(-1)!.at;
        report.note(dir, `the postmortem's publication time (${postmortem.published.text}) is before the incident started; used the last update's time instead`);
      }
      files.push(file(`${dir}/postmortem.md`, { published: published.date }, postmortem.body));
    }
    return { folder, files, updates: settled.length };
  } catch (e) {
    // Text no output can carry (a control character pasted into the source): this incident is not imported.
    if (!(e instanceof UnwritableText)) throw e;
    taken.delete(folder);
    report.fail(draft.origin, `was not imported: ${e.message}`);
    return undefined;
  }
}

function titleOf(title: string, kind: string): string {
  const t = title.trim().replace(/\s+/g, ' ');
  if (!t) return kind === 'maintenance' ? 'Scheduled maintenance' : 'Untitled incident';
  return t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1).trimEnd()}…` : t;
}

function indexFile(draft: DraftIncident, from: Draft['from'], title: string, started: Stamp, latest: Stamp | undefined, dir: string, report: Report): PlannedFile {
  let scheduled: { start: Date; end: Date } | undefined;
  if (draft.scheduled) {
    let end = draft.scheduled.end;
    if (end.date <= draft.scheduled.start.date) {
      end = later(draft.scheduled.start, HOUR);
      report.note(dir, `the maintenance window ends (${draft.scheduled.end.text}) before it starts; its end is now an hour after the start`);
    }
    scheduled = { start: draft.scheduled.start.date, end: end.date };
  }
  const path = `${dir}/index.md`;
  // latest: when the last imported update was posted, so lint knows what was said on the old page (history is history).
  const imported = { from, id: draft.sourceId, shortlink: draft.shortlink, latest: latest?.date, states: draft.statesRecorded ? ('recorded' as const) : undefined };
  const components = [...new Set(draft.components)];
  const fields = draft.kind === 'incident' ? { title, kind: draft.kind, impact: draft.impact, components, started: started.date, imported } : { title, kind: draft.kind, components, scheduled: scheduled!, imported };
  return { path, content: contentFile(path, fields, draft.summary) };
}

/**
 * Two updates may not share an instant; the source's instants are kept to the millisecond (file names say the UTC
 * minute or second, `at:` the rest), so only a real collision, the same millisecond, moves one: by a millisecond.
 */
function apart(updates: DraftUpdate[], dir: string, report: Report): DraftUpdate[] {
  const out: DraftUpdate[] = [];
  for (const u of updates) {
    const previous = out.at(-1);
    if (previous && u.at.date.getTime() <= previous.at.date.getTime()) {
      const date = new Date(previous.at.date.getTime() + 1);
      report.note(dir, `two updates have the same instant, ${u.at.text}; the later one in the source now says ${timestamp(date)}, a millisecond after`);
      out.push({ ...u, at: { date, text: formatAtOffset(date, offsetOf(u.at)) } });
    } else {
      out.push(u);
    }
  }
  return out;
}

/**
 * Fits the sequence to Candor's rules: a second all-clear in a row is folded into the first (keeping its
 * time in the text), an update after an all-clear reopens, and every open incident update promises a next one.
 */
function settle(draft: DraftIncident, updates: DraftUpdate[], dir: string, report: Report): Settled[] {
  const out: Settled[] = [];
  for (const u of updates) {
    const previous = out.at(-1);
    if (previous && isFinalStatus(previous.status) && isFinalStatus(u.status)) {
      const said = u.body.trim() ? `_Update posted ${readableStamp(u.at)}:_ ${u.body.trim()}` : '';
      previous.body = [previous.body.trim(), said].filter(Boolean).join('\n\n');
      report.note(dir, `a second "${u.status}" update (${u.at.text}) follows the first; Candor allows one in a row, so its text was added to the earlier one with its time`);
      continue;
    }
    out.push({ ...u, reopen: Boolean(previous && isFinalStatus(previous.status)), components: { ...u.components } });
  }
  if (draft.kind !== 'incident') return out;
  out.forEach((u, i) => {
    if (isFinalStatus(u.status)) {
      if (NO_DATA_LOST.test(u.body)) u.dataLoss = 'none';
      report.tally(
        u.dataLoss
          ? '{n} all-clear(s) say in their text that no data was lost, and got data_loss: none'
          : '{n} all-clear(s) do not say whether data was lost, so data_loss was left out (history is not linted for it; add it where you know)',
      );
      return;
    }
    const next = out[i + 1];
    if (next) {
      u.nextUpdate = next.at;
      report.tally('{n} earlier updates got next_update set to the time of the update that followed (the source records no promised time)');
    } else {
      u.nextUpdate = later(u.at, HOUR);
      report.note(dir, `is still open: its latest update promises the next one by ${timestamp(u.nextUpdate.date)} (an hour after it), since the source has no such field — post a new update or resolve it`);
    }
  });
  return out;
}
