// One drafted announcement → `announcements/<UTC day>-<slug>.md`.
import { ANNOUNCEMENTS_DIR } from '../../site/model/load/announcements.ts';
import { utcDay } from '../../site/model/time.ts';
import { contentFile, UnwritableText } from '../../site/model/write/content-file.ts';
import { announcementBase, claim } from '../../site/model/write/slug.ts';
import type { PlannedFile } from '../lib/write.ts';
import type { Draft, DraftAnnouncement } from './draft.ts';
import type { Report } from './report.ts';

export function announcementFile(a: DraftAnnouncement, from: Draft['from'], taken: Set<string>, report: Report): PlannedFile | undefined {
  let title = a.title.trim().replace(/\s+/g, ' ');
  if (!title) {
    title = 'Announcement';
    report.note(a.origin, `had no title; it is now "${title}"`);
  }
  if (title.length > 200) title = `${title.slice(0, 199).trimEnd()}…`;
  const name = claim(announcementBase(utcDay(a.published.date), title), taken);
  const path = `${ANNOUNCEMENTS_DIR}/${name}.md`;
  try {
    return { path, content: contentFile(path, { title, published: a.published.date, pinned: a.pinned || undefined, imported: { from } }, a.body) };
  } catch (e) {
    // Text no output can carry (a control character pasted into the source): this post is not imported.
    if (!(e instanceof UnwritableText)) throw e;
    taken.delete(name);
    report.fail(a.origin, `was not imported: ${e.message}`);
    return undefined;
  }
}
