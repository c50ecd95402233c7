// Which announcements the home page shows at `now`: pinned ones until their `until`, others for a week.
import type { Announcement, Site } from './site.ts';
import { HOUR } from './time.ts';

/** The page of its own every announcement gets (`announcements/<file name>/`), which feeds link to. */
export function announcementRoute(announcement: Pick<Announcement, 'id'>): string {
  return `announcements/${announcement.id}/`;
}

/** How long an unpinned announcement stays on the home page. */
export const ANNOUNCEMENT_DAYS = 7;

export function shownAnnouncements(site: Site, now: Date): Announcement[] {
  return site.announcements
    .filter((a) => a.published <= now && (a.until ? now < a.until : a.pinned || now.getTime() - a.published.getTime() < ANNOUNCEMENT_DAYS * 24 * HOUR))
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.published.getTime() - a.published.getTime());
}
