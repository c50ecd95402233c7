// Where the identity files the config names end up in a mirror's output, shared by the build and the pages.
import type { Identity } from './schema/identity.ts';

const FIELDS = ['logo', 'logo_dark', 'favicon', 'social_image'] as const;

export function brandFiles(identity: Identity): { field: (typeof FIELDS)[number]; path: string }[] {
  return FIELDS.flatMap((field) => (identity[field] ? [{ field, path: identity[field] }] : []));
}

/** The route (relative to the mirror's base) a configured file is served at. */
export function brandRoute(path: string): string {
  return `brand/${path.split('/').pop()}`;
}
