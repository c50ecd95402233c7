// What a writing command prints once the files are in place: what was written, how it reads elsewhere, what next.
import { channelVariants } from '../../site/model/channels.ts';
import type { Incident, Site, Update } from '../../site/model/site.ts';
import { shellQuote } from './shell.ts';

export function afterWriting(site: Site, incident: Incident, update: Update, written: string[], warnings: string, commitMessage: string): string {
  const mirror = site.config.mirrors[0]!;
  const url = new URL(`incidents/${incident.id}/`, mirror.url).href;
  const v = channelVariants(incident, update, { site, mirror, locale: site.config.locale, url });
  const paths = written.map((p) => `  ${p}`).join('\n');
  return [
    `Wrote:\n${paths}`,
    warnings ? `\nThe linter has suggestions before customers see this:\n${warnings}` : '',
    `\nEmail subject: ${v.email.subject}`,
    `Social post (${[...v.social].length}/280): ${v.social}`,
    `\nNext: git add ${written.join(' ')} && git commit -m ${shellQuote(commitMessage)} && git push`,
  ]
    .filter(Boolean)
    .join('\n');
}
