// A whole new candor.config.yaml for an import into an empty folder (an existing one is merged: config-merge.ts).
import { stringify } from 'yaml';
import { uiLocaleFor } from '../../site/i18n/index.ts';
import { docsUrl } from '../../site/model/docs.ts';
import type { Catalog } from './catalog.ts';
import type { DraftSite } from './draft.ts';
import type { Report } from './report.ts';
import { isTimeZone } from '../../site/model/time.ts';

const PLACEHOLDER_URL = 'https://status.example.com/';
const LOCALE = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

export function newConfigFile(site: DraftSite, catalog: Catalog, command: string, report: Report, impacts?: Record<string, object>): string {
  let url = PLACEHOLDER_URL;
  try {
    if (site.url && /^https?:$/.test(new URL(site.url).protocol)) url = new URL(site.url).href.replace(/\/?$/, '/');
  } catch {
    // Not a URL: the placeholder stays, and the report says so.
  }
  if (url === PLACEHOLDER_URL) report.note('candor.config.yaml', `the mirror's url is a placeholder (${PLACEHOLDER_URL}); set it to your status page's address`);
  const locale = site.locale && LOCALE.test(site.locale) && uiLocaleFor(site.locale) ? site.locale : 'en';
  if (site.locale && locale !== site.locale) report.note('candor.config.yaml', `the source's language "${site.locale}" has no interface translation in Candor; the mirror serves "en"`);
  const timeZone = site.timeZone && isTimeZone(site.timeZone) && site.timeZone !== 'UTC' ? site.timeZone : undefined;
  if (!site.name) report.note('candor.config.yaml', 'the source does not say the page\'s name; it is "Status" — set `name`');
  const config = {
    name: site.name?.trim() || 'Status',
    ...(site.description ? { description: site.description } : {}),
    // The content is written in the page's language; a mirror in another would mark every text untranslated.
    ...(locale !== 'en' ? { locale } : {}),
    ...(impacts ? { impacts } : {}),
    ...(catalog.newGroups.length ? { groups: catalog.newGroups } : {}),
    components: catalog.newComponents,
    mirrors: [{ id: 'main', url, locale, ...(timeZone ? { time_zone: timeZone } : {}) }],
  };
  return `# Written by \`${command}\`. Every key is documented at ${docsUrl('configuration')}.\n${stringify(config, { lineWidth: 0 })}`;
}
