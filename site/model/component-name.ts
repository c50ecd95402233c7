// A component's name in a reader's language, as feeds and badges (and their titles) write it: the one lookup they
// share. An id the config does not name stands for itself.
import { localize } from './format.ts';
import type { Site } from './site.ts';

export const componentName = (site: Site, locale: string, id: string): string =>
  localize(site.config.components.find((c) => c.id === id)?.name ?? id, locale, site.config.locale);
