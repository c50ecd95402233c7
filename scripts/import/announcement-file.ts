// One drafted announcement → `announcements/<UTC day>-<slug>.md`.
import { ANNOUNCEMENTS_DIR } from '../../site/model/load/announcements.ts';
import { utcDay } from '../../site/model/time.ts';
import type { Draft, DraftAnnouncement } from './draft.ts';
import type { PlannedFile } from './incident-files.ts';
import { markdownFile } from './markdown-file.ts';
import type { Report } from './report.ts';
import { claim, slugify } from './slug.ts';

export function announcementFile(a: DraftAnnouncement, from: Draft['from'], taken: Set<string>, report: Report): PlannedFile {
  let title = a.title.trim().replace(/\s+/g, ' ');
  if (!title) {
    title = 'Announcement';
    report.note(a.origin, `had no title; it is now "${title}"`);
  }
  if (title.length > 200) title = `${title.slice(0, 199).trimEnd()}…`;
  const name = claim(`${utcDay(a.published.date)}-${slugify(title) || 'announcement'}`, taken);
  return {
    path: `${ANNOUNCEMENTS_DIR}/${name}.md`,
    content: markdownFile([['title', title], ['published', a.published.text], ['pinned', a.pinned || undefined], ['imported', { from }]], a.body),
  };
}
