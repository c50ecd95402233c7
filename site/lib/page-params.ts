// Pages find what they show from their route params alone, so any host renders a page from its URL: the dev server
// and a static `astro build` (after getStaticPaths), and the compiled app `candor build` renders on demand
// (scripts/lib/render). getStaticPaths only lists the params; it passes no props.
import { mirror, site } from './data.ts';
import type { Announcement, Incident } from '../model/site.ts';
import type { ComponentConfig, RegionConfig } from '../model/schema/config.ts';

/** The language of a page: its path's prefix, or the mirror's own language where there is none. */
export const localeOf = (params: { locale?: string | undefined }): string => params.locale ?? mirror.locale;

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}
const incidents = byId(site.incidents);
const announcements = byId(site.announcements);
const components = byId(site.config.components);
const regions = byId(site.config.regions);

function find<T>(map: Map<string, T>, what: string, id: string | undefined): T {
  const found = id === undefined ? undefined : map.get(id);
  if (!found) throw new Error(`no ${what} "${id}" on mirror "${mirror.id}"`);
  return found;
}

export const incidentOf = (params: { id?: string | undefined }): Incident => find(incidents, 'incident', params.id);
export const announcementOf = (params: { id?: string | undefined }): Announcement => find(announcements, 'announcement', params.id);
export const componentOf = (params: { id?: string | undefined }): ComponentConfig => find(components, 'component', params.id);
export const regionOf = (params: { id?: string | undefined }): RegionConfig => find(regions, 'region', params.id);
