// The benchmark's history written as a cState site (issue 26: Candor against cState on Hugo, same history): a
// config.yml listing the components as cState systems, and one content/issues/<id>.md per incident or window,
// its updates newest first, each ending in the `{{< track "…" >}}` shortcode that gives its time. English only.
// Written from the loaded Candor site, so both sides hold the same incidents, titles and updates.
import { stringify } from 'yaml';
import { localize } from '../../site/model/format.ts';
import type { Incident, Site, Update } from '../../site/model/site.ts';
import { TIME_TOKEN } from '../../site/model/time-tokens.ts';
import { iso, type Files } from './files.ts';

/** cState's three severities; Candor's impacts map onto them the way `candor import cstate` maps them back. */
const SEVERITY: Record<string, 'down' | 'disrupted' | 'notice'> = { critical: 'down', major: 'disrupted', minor: 'notice' };

/** The `*Label*` cState sites open an update with, per status (the words of cState's docs and example site). */
const LABEL: Record<string, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
};

const FINAL = new Set(['resolved', 'completed']);

/** The site's config.yml: Hugo's settings a cState site needs (from cState's exampleSite), and the systems. */
export function cstateConfig(site: Site): Record<string, unknown> {
  const { config } = site;
  const en = (name: Parameters<typeof localize>[0]) => localize(name, 'en', config.locale);
  return {
    title: `${config.name} Status`,
    baseURL: 'https://status.example.com/',
    languageCode: 'en',
    defaultContentLanguage: 'en',
    // Upcoming maintenance is dated in the future; cState asks for it to be built.
    buildFuture: true,
    enableGitInfo: false,
    // cState's yearly archive partial walks every issue; on a busy machine at 1,000 issues it outlasts Hugo's
    // default 30 s template timeout, which fails the build rather than slowing it.
    timeout: '600s',
    theme: 'cstate',
    preserveTaxonomyNames: true,
    taxonomies: { affected: 'affected' },
    outputs: {
      page: ['html', 'json'],
      section: ['html', 'json', 'rss'],
      home: ['html', 'json', 'rss', 'svg'],
      term: ['html', 'json', 'rss', 'svg'],
    },
    outputFormats: { svg: { isPlainText: true, mediaType: 'image/svg+xml' } },
    params: {
      description: en(config.description ?? ''),
      categories: config.groups.map((g) => ({ name: en(g.name), untitled: false })),
      systems: config.components.map((c) => ({
        name: en(c.name),
        ...(c.description ? { description: en(c.description) } : {}),
        ...(c.group ? { category: en(config.groups.find((g) => g.id === c.group)!.name) } : {}),
      })),
      enableUptimeHistogram: true,
      useRelativeTime: true,
      enableLastMod: true,
      incidentHistoryFormat: 'yearly',
      incidentPostsPerPage: 5,
      dateFormat: 'January 2, 2006 at 3:04 PM',
      shortDateFormat: '15:04 — Jan 2',
      // The theme computes its colours from these; it has no defaults of its own for them.
      brand: '#0a0c0f',
      ok: '#008000',
      disrupted: '#cc4400',
      down: '#e60000',
      notice: '#24478f',
      alwaysKeepBrandColor: true,
      headerTextColor: 'white',
    },
  };
}

/** Candor's `{time:…}` tokens as the plain text a cState writer types ("14:05 UTC"). */
function plainTimes(text: string): string {
  return text.replace(TIME_TOKEN, (_, _kind: string, stamp: string) => `${new Date(stamp).toISOString().slice(11, 16)} UTC`);
}

function entry(u: Update): string {
  return `*${LABEL[u.status]}* - ${plainTimes(u.body.trim())} {{< track "${iso(u.at)}" >}}`;
}

/** One issue file: front matter as cState's archetype has it, the summary, the log newest first, the postmortem. */
export function cstateIssue(site: Site, incident: Incident): string {
  const { config } = site;
  const last = incident.updates.at(-1);
  const resolved = !!last && FINAL.has(last.status);
  const maintenance = incident.kind === 'maintenance';
  const front = {
    title: incident.title,
    date: iso(maintenance ? incident.scheduled!.start : incident.started),
    resolved,
    // cState dates the end of a window, or the moment an incident was resolved.
    ...(maintenance ? { resolvedWhen: iso(incident.scheduled!.end) } : resolved ? { resolvedWhen: iso(last!.at) } : {}),
    // cState has no maintenance kind: sites write it as a notice, with maintenance labels.
    severity: maintenance ? 'notice' : SEVERITY[incident.impact!] ?? 'notice',
    affected: incident.components.map((id) => localize(config.components.find((c) => c.id === id)!.name, 'en', config.locale)),
    section: 'issue',
  };
  const parts = [
    incident.summary.trim() && plainTimes(incident.summary.trim()),
    ...incident.updates.toReversed().map(entry),
    incident.postmortem && `---\n\n*Post-mortem*\n\n${plainTimes(incident.postmortem.body.trim())}`,
  ].filter(Boolean);
  return `---\n${stringify(front)}---\n\n${parts.join('\n\n')}\n`;
}

/** The whole cState site: config.yml and content/issues/*.md, named like the incident folders. */
export function cstateSite(site: Site): Files {
  const files: Files = { 'config.yml': stringify(cstateConfig(site)) };
  for (const incident of site.incidents) files[`content/issues/${incident.id}.md`] = cstateIssue(site, incident);
  return files;
}
