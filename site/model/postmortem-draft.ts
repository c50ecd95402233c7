// A postmortem draft prefilled from the timeline. Sections only people can write are left as {{placeholders}},
// which the linter refuses, so an unfinished draft cannot be published by accident.
import { formatter, localize } from './format.ts';
import { markdownToText } from './markdown.ts';
import { timesAsText } from './time-tokens.ts';
import type { Incident, Site } from './site.ts';
import { timeline } from './timeline.ts';
import { contentFile } from './write/content-file.ts';
import { timestamp } from './write/timestamp.ts';
import { t } from '../i18n/index.ts';

/** A postmortem as a draft: never published until `draft: true` gives way to `published:` (docs: Status over time). */
export function postmortemDraft(site: Site, incident: Incident, now: Date): string {
  const locale = site.config.locale;
  const fmt = formatter(locale, 'UTC');
  const tl = timeline(incident, site.config, now);
  const names = tl.components.map((c) => localize(site.config.components.find((x) => x.id === c)!.name, locale, locale));
  const regions = incident.regions.length ? fmt.names(incident.regions.map((r) => localize(site.config.regions.find((x) => x.id === r)!.name, locale, locale))) : t(locale, 'incident.allRegions');
  const duration = tl.durationMs !== undefined ? fmt.duration(tl.durationMs) : '{{duration}}';
  const firstSentence = (md: string) => (markdownToText(md).split(/(?<=[.!?])\s/)[0] ?? '').replace(/\n/g, ' ');
  const timelineLines = incident.updates.map((u) => `- **${fmt.dateTime(u.at)}** — ${t(locale, `status.${u.status}`)}: ${firstSentence(timesAsText(u.body, fmt, u.at))}`);
  const comment = ['A draft: no build publishes it while this line is here. To publish, replace it with the time, e.g.', `published: ${timestamp(new Date(Math.floor(now.getTime() / 1000) * 1000))}`];
  const body = `## Summary

**${incident.title}** — ${fmt.day(incident.started)}, ${duration}.

{{summary}}

## Impact

- Affected: ${fmt.names(names)}
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
  return contentFile(`${incident.dir}/postmortem.md`, { draft: true }, body, { comment });
}
