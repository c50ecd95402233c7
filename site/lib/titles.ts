// An incident's title in the reader's language, with the `lang` to mark it when it is the original.
import type { Incident } from '../model/site.ts';
import { prose } from '../model/translate.ts';
import { site, type Lang } from './data.ts';

export function incidentTitle(l: Lang, incident: Incident): { text: string; lang: string | undefined } {
  const p = prose({ body: '', title: incident.title }, incident.translations, l.locale, site.config.locale);
  return { text: p.title ?? incident.title, lang: p.titleLang === l.locale ? undefined : p.titleLang };
}
