// How every instant is written into content: UTC with a "Z", to the second, milliseconds only when the
// source had them (an import keeps Statuspage's `.370` so /api/v2 serves the same instant). The site reads
// instants, not offsets, so writing UTC loses nothing and reads the same in every file.

/** `2026-11-23T09:15:00Z`, or `2026-11-23T09:15:00.370Z` when there are milliseconds. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}
