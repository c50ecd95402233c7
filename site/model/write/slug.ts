// The one way a name people wrote becomes an id or a folder slug, for `candor new` and every importer alike:
// lowercase ASCII words joined by single dashes, cut at a word boundary.

/** `"Élevated API errors — EU!"` → `"elevated-api-errors-eu"`, cut at a word boundary to `max` characters. */
export function slugify(name: string, max = 50): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) {
      // A single over-long first word is cut rather than dropped.
      if (!slug) slug = word.slice(0, max);
      break;
    }
    slug = next;
  }
  return slug;
}

/** `base`, or `base-2`, `base-3`… — the first that `isTaken` refuses; a Set of taken names is joined by it. */
export function claim(base: string, taken: Set<string> | ((name: string) => boolean)): string {
  const isTaken = typeof taken === 'function' ? taken : (n: string) => taken.has(n);
  let id = base;
  for (let n = 2; isTaken(id); n++) id = `${base}-${n}`;
  if (typeof taken !== 'function') taken.add(id);
  return id;
}

/**
 * The folder name of an incident or maintenance: its UTC start day and the slug of its title, or of its kind when
 * the title has no Latin letters or digits (`2026-11-23-card-payments-fail`, `2026-11-23-incident`).
 */
export function incidentFolderBase(day: string, title: string, kind: 'incident' | 'maintenance'): string {
  return `${day}-${slugify(title) || kind}`;
}

/** The file name stem of an announcement: `2026-11-23-we-moved`. */
export function announcementBase(day: string, title: string): string {
  return `${day}-${slugify(title) || 'announcement'}`;
}
