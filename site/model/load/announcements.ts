// Reads announcements/: one Markdown file per notice, validated like every other content file.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentError } from '../errors.ts';
import { parseMarkdownFile } from '../frontmatter.ts';
import { announcementSchema } from '../schema/announcement.ts';
import { issuesToErrors } from '../schema/issues.ts';
import type { Announcement } from '../site.ts';
import { readText } from './files.ts';

export const ANNOUNCEMENTS_DIR = 'announcements';
const NAME = /^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/** `skip`: files to pass over (`announcements/<name>`), as LoadOptions.skip. */
export async function readAnnouncements(root: string, now: Date, skip?: ReadonlySet<string>): Promise<{ announcements: Announcement[]; errors: ContentError[] }> {
  const dir = join(root, ANNOUNCEMENTS_DIR);
  const announcements: Announcement[] = [];
  const errors: ContentError[] = [];
  if (!existsSync(dir)) return { announcements, errors };
  for (const entry of (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'))) {
    const file = `${ANNOUNCEMENTS_DIR}/${entry.name}`;
    if (entry.name === 'README.md' || skip?.has(file)) continue;
    if (!entry.isFile() || !NAME.test(entry.name)) {
      errors.push({ file, message: 'is not an announcement file', fix: 'name announcements like announcements/2026-01-10-new-domain.md (the day it was posted, then a short lowercase slug)' });
      continue;
    }
    const read = await readText(root, join(dir, entry.name));
    if (!read.ok) {
      errors.push(read.error);
      continue;
    }
    const parsed = parseMarkdownFile(read.text);
    if (!('data' in parsed)) {
      errors.push({ file, line: parsed.line, message: parsed.message, fix: parsed.fix });
      continue;
    }
    const result = announcementSchema.safeParse(parsed.data);
    if (!result.success) {
      errors.push(...issuesToErrors(result.error.issues, parsed.data, announcementSchema, file, parsed.lineOf));
      continue;
    }
    const d = result.data;
    if (d.published > now) errors.push({ file, field: 'published', message: `is after the moment the site is built for (${now.toISOString()})`, fix: 'post it when it is true, or build later' });
    if (d.until && d.until <= d.published) errors.push({ file, field: 'until', message: 'is not after published', fix: 'set until to when it should stop being shown, after published' });
    announcements.push({ ...d, id: entry.name.slice(0, -3), file, body: parsed.body.trim() });
  }
  announcements.sort(latestFirst);
  return { announcements, errors };
}

/** The order of Site.announcements: latest first, then by id. */
export const latestFirst = (a: Announcement, b: Announcement): number => b.published.getTime() - a.published.getTime() || a.id.localeCompare(b.id);
