// Ids and folder slugs made from names people wrote: lowercase ASCII words joined by single dashes.

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

/** `base`, or `base-2`, `base-3`… — the first not in `taken`, which it then joins. */
export function claim(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
