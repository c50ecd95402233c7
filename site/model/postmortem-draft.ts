// A postmortem draft prefilled from the timeline. Sections only people can write are left as {{placeholders}},
// which the linter refuses, so an unfinished draft cannot be published by accident.
import { formatter, localize } from './format.ts';
import { markdownToText } from './markdown.ts';
import type { Incident, Site } from './site.ts';
import { timeline } from './timeline.ts';
import { t } from '../i18n/index.ts';

export function postmortemDraft(site: Site, incident: Incident, published: Date): string {
  const locale = site.config.locale;
  const fmt = formatter(locale, 'UTC');
  const tl = timeline(incident, site.config, published);
  const names = tl.components.map((c) => localize(site.config.components.find((x) => x.id === c)!.name, locale, locale));
  const regions = incident.regions.length ? incident.regions.map((r) => localize(site.config.regions.find((x) => x.id === r)!.name, locale, locale)).join(', ') : t(locale, 'incident.allRegions');
  const duration = tl.durationMs !== undefined ? fmt.duration(tl.durationMs) : '{{duration}}';
  const firstSentence = (md: string) => (markdownToText(md).split(/(?<=[.!?])\s/)[0] ?? '').replace(/\n/g, ' ');
  const timelineLines = incident.updates.map((u) => `- **${fmt.dateTime(u.at)}** — ${t(locale, `status.${u.status}`)}: ${firstSentence(u.body)}`);
  return `---
published: ${published.toISOString().replace(/\.\d{3}Z$/, 'Z')}
---
## Summary

**${incident.title}** — ${fmt.day(incident.started)}, ${duration}.

{{summary}}

## Impact

- Affected: ${names.join(', ')}
- Regions: ${regions}
- Duration: ${duration}, from ${fmt.dateTime(incident.started)} to ${tl.resolvedAt ? fmt.dateTime(tl.resolvedAt) : '{{resolved_at}}'}
- Data lost: ${tl.latest.dataLoss ?? '{{data_loss}}'}

{{impact_details}}

## Timeline

${timelineLines.join('\n')}

## Root cause

{{root_cause}}

## Resolution

{{resolution}}

## What we will change

{{changes}}
`;
}
