// The broken-input corpus: each case is a small change to a valid repository and the exact report it must
// produce. `expected` is the whole report (formatErrors), so a vaguer message, a lost line number or a missing
// fix fails the test.

/** Files of a valid repository that the cases change. */
export const BASE: Record<string, string> = {
  'candor.config.yaml': `name: Acme
regions:
  - { id: eu, name: Europe }
  - { id: us, name: United States }
groups:
  - { id: core, name: Core }
components:
  - { id: api, name: API, group: core }
  - { id: web, name: Website }
mirrors:
  - { id: main, url: https://status.acme.example/, locale: en, locales: [en, fr] }
`,
  'incidents/2026-11-20-api-errors/index.md': `---
title: API errors in Europe
kind: incident
impact: major
components: [api]
regions: [eu]
started: 2026-11-20T10:00:00Z
---
`,
  'incidents/2026-11-20-api-errors/2026-11-20T1010Z.md': `---
status: investigating
next_update: 2026-11-20T11:00:00Z
---
Some customers can't create invoices through the API.
`,
  'incidents/2026-11-20-api-errors/2026-11-20T1100Z.md': `---
status: resolved
data_loss: none
---
Fixed.
`,
};

export interface CorpusCase {
  name: string;
  /** Files to add or replace (null deletes). A Buffer is written as bytes. */
  files: Record<string, string | Buffer | null>;
  /** Symbolic links to create: path → target (absolute, or relative to the repository). */
  links?: Record<string, string>;
  expected: string;
}

const INC = 'incidents/2026-11-20-api-errors';
const index = (fields: string) => `---\n${fields}\n---\n`;
const INDEX_FIELDS = 'title: API errors in Europe\nkind: incident\nimpact: major\ncomponents: [api]\nregions: [eu]\nstarted: 2026-11-20T10:00:00Z';
const withIndex = (replace: [string, string]) => ({ [`${INC}/index.md`]: index(INDEX_FIELDS.replace(...replace)) });
const update = (fields: string, body = 'Text.') => `---\n${fields}\n---\n${body}\n`;
const MNT = 'incidents/2026-11-30-db';
const maintenance = (scheduled: string) => ({
  [`${MNT}/index.md`]: index(`title: DB upgrade\nkind: maintenance\ncomponents: [web]\n${scheduled}`),
  [`${MNT}/2026-11-20T1200Z.md`]: update('status: scheduled', 'Planned.'),
});

export const CASES: CorpusCase[] = [
  // YAML and file format
  { name: 'invalid YAML', files: withIndex(['components: [api]', 'components: [api']), expected: "incidents/2026-11-20-api-errors/index.md:6 invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n  fix: write the frontmatter as YAML between two \"---\" lines, e.g. \"---\\ntitle: API errors\\n---\"\n\n1 problem found; nothing was built." },
  { name: 'tab indentation', files: withIndex(['regions: [eu]', 'regions:\n\t- eu']), expected: "incidents/2026-11-20-api-errors/index.md:7 invalid YAML: Tabs are not allowed as indentation\n  fix: write the frontmatter as YAML between two \"---\" lines, e.g. \"---\\ntitle: API errors\\n---\"\n\n1 problem found; nothing was built." },
  { name: 'frontmatter never closed', files: { [`${INC}/index.md`]: `---\n${INDEX_FIELDS}\n` }, expected: "incidents/2026-11-20-api-errors/index.md:1 the frontmatter is never closed\n  fix: end the frontmatter with a line containing only \"---\"\n\n1 problem found; nothing was built." },
  { name: 'javascript frontmatter', files: { [`${INC}/index.md`]: '---js\n{ title: "x" }\n---\n' }, expected: "incidents/2026-11-20-api-errors/index.md:1 frontmatter in \"js\" is not accepted\n  fix: write the frontmatter as YAML between two \"---\" lines, e.g. \"---\\ntitle: API errors\\n---\"\n\n1 problem found; nothing was built." },
  { name: 'duplicate key', files: withIndex(['impact: major', 'impact: major\nimpact: minor']), expected: "incidents/2026-11-20-api-errors/index.md:5 invalid YAML: Map keys must be unique\n  fix: write the frontmatter as YAML between two \"---\" lines, e.g. \"---\\ntitle: API errors\\n---\"\n\n1 problem found; nothing was built." },
  { name: 'frontmatter is a list', files: { [`${INC}/index.md`]: '---\n- title\n- kind\n---\n' }, expected: "incidents/2026-11-20-api-errors/index.md:2 the frontmatter is not a set of \"key: value\" fields\n  fix: write the frontmatter as YAML between two \"---\" lines, e.g. \"---\\ntitle: API errors\\n---\"\n\n1 problem found; nothing was built." },
  { name: 'YAML alias bomb', files: { [`${INC}/index.md`]: `---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n` }, expected: "incidents/2026-11-20-api-errors/index.md:1 the YAML expands too many aliases\n  fix: write the values out instead of using YAML anchors and aliases\n\n1 problem found; nothing was built." },
  { name: 'empty file', files: { [`${INC}/2026-11-20T1100Z.md`]: '' }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1100Z.md is empty\n  fix: write the frontmatter and text, or delete the file\n\n1 problem found; nothing was built." },
  { name: 'whitespace-only file', files: { [`${INC}/2026-11-20T1100Z.md`]: '\n  \n' }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1100Z.md is empty\n  fix: write the frontmatter and text, or delete the file\n\n1 problem found; nothing was built." },
  { name: 'huge file', files: { [`${INC}/2026-11-20T1100Z.md`]: update('status: resolved\ndata_loss: none', 'x'.repeat(400 * 1024)) }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1100Z.md is 400 KB, over the 256 KB limit\n  fix: keep updates short; link to longer documents instead\n\n1 problem found; nothing was built." },
  { name: 'non-UTF-8 bytes', files: { [`${INC}/2026-11-20T1100Z.md`]: Buffer.concat([Buffer.from('---\nstatus: resolved\n---\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]) }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1100Z.md is not valid UTF-8 text\n  fix: save the file with UTF-8 encoding\n\n1 problem found; nothing was built." },
  { name: 'NUL bytes', files: { [`${INC}/2026-11-20T1100Z.md`]: update('status: resolved\ndata_loss: none', 'Fixed.\u0000') }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1100Z.md contains NUL bytes\n  fix: save the file as plain UTF-8 text\n\n1 problem found; nothing was built." },

  // Fields
  { name: 'missing title', files: withIndex(['title: API errors in Europe\n', '']), expected: "incidents/2026-11-20-api-errors/index.md title: is missing\n  fix: add it, e.g. \"title: Card payments fail for some customers\"\n\n1 problem found; nothing was built." },
  { name: 'title of the wrong type', files: withIndex(['title: API errors in Europe', 'title: [API, errors]']), expected: "incidents/2026-11-20-api-errors/index.md:2 title: must be text\n  fix: write it like \"title: Card payments fail for some customers\"\n\n1 problem found; nothing was built." },
  { name: 'missing kind', files: withIndex(['kind: incident\n', '']), expected: "incidents/2026-11-20-api-errors/index.md kind: is missing\n  fix: add it, e.g. \"kind: incident\"\n\n1 problem found; nothing was built." },
  { name: 'unknown kind', files: withIndex(['kind: incident', 'kind: outage']), expected: "incidents/2026-11-20-api-errors/index.md:3 kind: \"outage\" is not allowed\n  fix: use one of: incident, maintenance\n\n1 problem found; nothing was built." },
  { name: 'unknown impact', files: withIndex(['impact: major', 'impact: majr']), expected: "incidents/2026-11-20-api-errors/index.md:4 impact: unknown impact \"majr\"\n  fix: did you mean \"major\"? (use one of: minor, major, critical)\n\n1 problem found; nothing was built." },
  { name: 'unknown component', files: withIndex(['components: [api]', 'components: [apii]']), expected: "incidents/2026-11-20-api-errors/index.md:5 components.0: unknown component \"apii\"\n  fix: did you mean \"api\"? (use one of: api, web)\n\n1 problem found; nothing was built." },
  { name: 'no components', files: withIndex(['components: [api]', 'components: []']), expected: "incidents/2026-11-20-api-errors/index.md:5 components: must name at least one affected component\n  fix: write it like \"components: [api]\"\n\n1 problem found; nothing was built." },
  { name: 'unknown region', files: withIndex(['regions: [eu]', 'regions: [europe]']), expected: "incidents/2026-11-20-api-errors/index.md:6 regions.0: unknown region \"europe\"\n  fix: use one of: eu, us\n\n1 problem found; nothing was built." },
  { name: 'unknown field, suggesting the closest', files: { [`${INC}/2026-11-20T1010Z.md`]: update('status: investigating\nnext_updte: 2026-11-20T11:00:00Z') }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1010Z.md:3 next_updte: unknown field \"next_updte\"\n  fix: did you mean \"next_update\"? Known fields: status, reopen, data_loss, at, next_update, components, social, source_id, draft\n\n1 problem found; nothing was built." },
  { name: 'invalid owner handle', files: withIndex(['regions: [eu]', 'regions: [eu]\nowner: "not a handle!"']), expected: "incidents/2026-11-20-api-errors/index.md:7 owner: is not a GitHub handle\n  fix: write the GitHub user name, e.g. \"octocat\"\n\n1 problem found; nothing was built." },
  { name: 'path traversal in a component id', files: withIndex(['components: [api]', 'components: [../../etc/passwd]']), expected: "incidents/2026-11-20-api-errors/index.md:5 components.0: unknown component \"../../etc/passwd\"\n  fix: use one of: api, web\n\n1 problem found; nothing was built." },

  // Times
  { name: 'timestamp without a zone', files: withIndex(['started: 2026-11-20T10:00:00Z', 'started: 2026-11-20T10:00:00']), expected: "incidents/2026-11-20-api-errors/index.md:7 started: \"2026-11-20T10:00:00\" has no time zone; add \"Z\" for UTC or an offset such as \"+02:00\"\n  fix: write it like 2026-11-22T10:14:00Z (UTC) or 2026-11-22T11:14:00+01:00\n\n1 problem found; nothing was built." },
  { name: 'impossible date', files: withIndex(['started: 2026-11-20T10:00:00Z', 'started: 2026-02-30T10:00:00Z']), expected: "incidents/2026-11-20-api-errors/index.md:7 started: \"2026-02-30T10:00:00Z\" is not a real date and time\n  fix: write it like 2026-11-22T10:14:00Z (UTC) or 2026-11-22T11:14:00+01:00\n\n1 problem found; nothing was built." },
  { name: 'not a timestamp', files: withIndex(['started: 2026-11-20T10:00:00Z', 'started: yesterday']), expected: "incidents/2026-11-20-api-errors/index.md:7 started: \"yesterday\" is not a timestamp\n  fix: write it like 2026-11-22T10:14:00Z (UTC) or 2026-11-22T11:14:00+01:00\n\n1 problem found; nothing was built." },
  { name: 'update before the incident started', files: { [`${INC}/2026-11-20T0950Z.md`]: update('status: investigating\nnext_update: 2026-11-20T11:00:00Z') }, expected: "incidents/2026-11-20-api-errors/2026-11-20T0950Z.md is posted before the incident started (2026-11-20T10:00:00.000Z): its time comes from its file name (2026-11-20T0950Z)\n  fix: rename the file to the UTC minute it was posted, or move \"started\" in index.md earlier\n\n1 problem found; nothing was built." },
  { name: 'update in the future', files: { [`${INC}/2026-11-24T0900Z.md`]: update('status: investigating\nreopen: true\nnext_update: 2026-11-24T10:00:00Z') }, expected: "incidents/2026-11-20-api-errors/2026-11-24T0900Z.md is in the future (2026-11-24T09:00:00.000Z): its time comes from its file name (2026-11-24T0900Z)\n  fix: name the update by the UTC minute it is posted\n\n1 problem found; nothing was built." },
  { name: 'next update before the update', files: { [`${INC}/2026-11-20T1010Z.md`]: update('status: investigating\nnext_update: 2026-11-20T10:00:00Z') }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1010Z.md:3 next_update: is not after the update itself\n  fix: promise a time after this update\n\n1 problem found; nothing was built." },
  { name: 'at disagrees with the file name', files: { [`${INC}/2026-11-20T1010Z.md`]: update('status: investigating\nat: 2026-11-20T10:30:00Z\nnext_update: 2026-11-20T11:00:00Z') }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1010Z.md:3 at: says 2026-11-20T10:30:00.000Z but the file name says 2026-11-20T1010Z\n  fix: make the file name and \"at\" the same UTC minute, or drop \"at\"\n\n1 problem found; nothing was built." },
  { name: 'two updates at the same moment', files: { [`${INC}/2026-11-20T101000Z.md`]: update('status: identified\nnext_update: 2026-11-20T11:00:00Z') }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1010Z.md has the same time as incidents/2026-11-20-api-errors/2026-11-20T101000Z.md\n  fix: two updates cannot share a moment; move one by a minute and rename its file\n\n1 problem found; nothing was built." },

  // Statuses
  { name: 'unknown status', files: { [`${INC}/2026-11-20T1010Z.md`]: update('status: investigatng\nnext_update: 2026-11-20T11:00:00Z') }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1010Z.md:2 status: \"investigatng\" is not allowed\n  fix: did you mean \"investigating\"? (use one of: investigating, identified, monitoring, resolved)\n\n1 problem found; nothing was built." },
  { name: 'maintenance status on an incident', files: { [`${INC}/2026-11-20T1010Z.md`]: update('status: in_progress\nnext_update: 2026-11-20T11:00:00Z') }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1010Z.md:2 status: \"in_progress\" is not allowed\n  fix: use one of: investigating, identified, monitoring, resolved\n\n1 problem found; nothing was built." },
  { name: 'missing next update on an open incident', files: { [`${INC}/2026-11-20T1010Z.md`]: update('status: investigating') }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1010Z.md next_update: is missing on an unresolved incident\n  fix: say when customers will hear from you next, e.g. \"next_update: 2026-11-22T10:45:00Z\"\n\n1 problem found; nothing was built." },
  { name: 'status going backwards after resolved', files: { [`${INC}/2026-11-20T1130Z.md`]: update('status: investigating\nnext_update: 2026-11-20T12:00:00Z') }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1130Z.md:2 status: follows \"resolved\" without reopening\n  fix: add \"reopen: true\" if the problem came back, or post a new incident\n\n1 problem found; nothing was built." },
  { name: 'reopen without a resolution', files: { [`${INC}/2026-11-20T1030Z.md`]: update('status: identified\nreopen: true\nnext_update: 2026-11-20T11:00:00Z') }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1030Z.md:3 reopen: only makes sense right after a resolved or completed update\n  fix: remove \"reopen: true\"\n\n1 problem found; nothing was built." },
  { name: 'invalid component state', files: { [`${INC}/2026-11-20T1010Z.md`]: update('status: investigating\nnext_update: 2026-11-20T11:00:00Z\ncomponents: { api: broken }') }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1010Z.md:4 components.api: \"broken\" is not allowed\n  fix: use one of: operational, under_maintenance, degraded_performance, partial_outage, major_outage\n\n1 problem found; nothing was built." },
  { name: 'invalid data loss answer', files: { [`${INC}/2026-11-20T1100Z.md`]: update('status: resolved\ndata_loss: maybe') }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1100Z.md:3 data_loss: \"maybe\" is not allowed\n  fix: use one of: none, some, unknown\n\n1 problem found; nothing was built." },
  { name: 'incident without updates', files: { [`${INC}/2026-11-20T1010Z.md`]: null, [`${INC}/2026-11-20T1100Z.md`]: null }, expected: "incidents/2026-11-20-api-errors/index.md has no updates\n  fix: add the first update beside it, e.g. 2026-11-22T1014Z.md with \"status: investigating\"\n\n1 problem found; nothing was built." },

  // Maintenance
  { name: 'maintenance ending before it starts', files: maintenance('scheduled: { start: 2026-11-30T03:00:00Z, end: 2026-11-30T02:00:00Z }'), expected: "incidents/2026-11-30-db/index.md:5 scheduled.end: ends before (or when) the window starts\n  fix: set scheduled.end later than scheduled.start\n\n1 problem found; nothing was built." },
  { name: 'maintenance without a window', files: maintenance(''), expected: "incidents/2026-11-30-db/index.md scheduled: is missing\n  fix: add it, e.g. \"scheduled: { start: 2026-11-29T02:00:00Z, end: 2026-11-29T04:00:00Z }\"\n\n1 problem found; nothing was built." },
  { name: 'maintenance extended to before its start', files: { ...maintenance('scheduled: { start: 2026-11-21T02:00:00Z, end: 2026-11-21T03:00:00Z }'), [`${MNT}/2026-11-21T0230Z.md`]: update('status: in_progress\nscheduled_end: 2026-11-21T01:00:00Z') }, expected: "incidents/2026-11-30-db/2026-11-21T0230Z.md:3 scheduled_end: is before the window starts\n  fix: set a new end after scheduled.start\n\n1 problem found; nothing was built." },

  // Translations and postmortems
  { name: 'translation for a language no mirror serves', files: { [`${INC}/2026-11-20T1010Z.de.md`]: 'Einige Kunden …' }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1010Z.de.md is a translation into \"de\", which no mirror serves\n  fix: use one of: fr\n\n1 problem found; nothing was built." },
  { name: 'translation into the content language', files: { [`${INC}/2026-11-20T1010Z.en.md`]: 'Again.' }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1010Z.en.md is a translation into \"en\", the language the content is written in\n  fix: put the text in the original file and delete this one\n\n1 problem found; nothing was built." },
  { name: 'translation of an update that does not exist', files: { [`${INC}/2026-11-20T1020Z.fr.md`]: 'Orpheline.' }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1020Z.fr.md translates an update that does not exist (2026-11-20T1020Z.md)\n  fix: add 2026-11-20T1020Z.md, or rename the translation to match its update\n\n1 problem found; nothing was built." },
  { name: 'postmortem without a publication time', files: { [`${INC}/postmortem.md`]: update('title: What happened', '## Summary') }, expected: "incidents/2026-11-20-api-errors/postmortem.md published: is missing, so this postmortem would be published without a date\n  fix: add when it is published, e.g. \"published: 2026-11-25T16:00:00Z\", or keep \"draft: true\" while it is being written\n\n1 problem found; nothing was built." },

  // Places and names
  { name: 'file outside an incident folder', files: { 'incidents/2026-11-20T1010Z.md': update('status: investigating\nnext_update: 2026-11-20T11:00:00Z') }, expected: "incidents/2026-11-20T1010Z.md is not inside an incident folder\n  fix: move it into incidents/<YYYY-MM-DD>-<slug>/ (updates are named like 2026-11-22T1014Z.md)\n\n1 problem found; nothing was built." },
  { name: 'update with the wrong name', files: { [`${INC}/update-1.md`]: update('status: identified') }, expected: "incidents/2026-11-20-api-errors/update-1.md \"update-1.md\" is not a name Candor knows\n  fix: name updates by their UTC time like 2026-11-22T1014Z.md; other files are index.md, postmortem.md and translations like index.fr.md\n\n1 problem found; nothing was built." },
  { name: 'folder without a date', files: { 'incidents/api-errors/index.md': index(INDEX_FIELDS) }, expected: "incidents/api-errors \"api-errors\" is not named <YYYY-MM-DD>-<slug>\n  fix: name incident folders like 2026-11-22-card-payments (date it started, then a short lowercase slug)\nincidents/api-errors/index.md has no updates\n  fix: add the first update beside it, e.g. 2026-11-22T1014Z.md with \"status: investigating\"\n\n2 problems found; nothing was built." },
  { name: 'folder with an impossible date', files: { 'incidents/2026-13-01-api/index.md': index(INDEX_FIELDS) }, expected: "incidents/2026-13-01-api \"2026-13-01-api\" starts with an impossible date\n  fix: name incident folders like 2026-11-22-card-payments (date it started, then a short lowercase slug)\nincidents/2026-13-01-api/index.md has no updates\n  fix: add the first update beside it, e.g. 2026-11-22T1014Z.md with \"status: investigating\"\n\n2 problems found; nothing was built." },
  { name: 'folder inside an incident folder', files: { [`${INC}/images/a.md`]: 'x' }, expected: "incidents/2026-11-20-api-errors/images is a folder inside an incident folder\n  fix: keep only index.md, update files and postmortem.md in an incident folder\n\n1 problem found; nothing was built." },
  { name: 'missing index.md', files: { [`${INC}/index.md`]: null }, expected: "incidents/2026-11-20-api-errors/index.md is missing\n  fix: every incident folder needs an index.md with title, kind, impact, components and started\n\n1 problem found; nothing was built." },
  { name: 'translation linked to .git/config', files: { '.git/config': '[core]\n\tbare = false\n' }, links: { [`${INC}/2026-11-20T1010Z.fr.md`]: '../../.git/config' }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1010Z.fr.md is a symbolic link into .git\n  fix: replace the link with the file itself\n\n1 problem found; nothing was built." },
  { name: 'update linked to ..', files: {}, links: { [`${INC}/2026-11-20T1030Z.md`]: '..' }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1030Z.md is a folder, not a file\n  fix: replace it with the file it is named after, or remove it\n\n1 problem found; nothing was built." },
  { name: 'update that is a folder', files: { [`${INC}/2026-11-20T1030Z.md/a.md`]: 'x' }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1030Z.md is a folder, not a file\n  fix: replace it with the file it is named after, or remove it\n\n1 problem found; nothing was built." },
  { name: 'fence with an unknown language', files: { [`${INC}/2026-11-20T1100Z.md`]: '---foo\nstatus: resolved\n---\nFixed.\n' }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1100Z.md:1 frontmatter in \"foo\" is not accepted\n  fix: write the frontmatter as YAML between two \"---\" lines, e.g. \"---\\ntitle: API errors\\n---\"\n\n1 problem found; nothing was built." },
  { name: 'symbolic link out of the repository', files: {}, links: { [`${INC}/2026-11-20T1030Z.md`]: '/etc/hostname' }, expected: "incidents/2026-11-20-api-errors/2026-11-20T1030Z.md is a symbolic link that leads outside the repository\n  fix: replace the link with the file itself\n\n1 problem found; nothing was built." },

  // The config
  { name: 'config missing', files: { 'candor.config.yaml': null }, expected: "candor.config.yaml is missing\n  fix: create it at the repository root; see docs/src/content/docs/getting-started.md#your-status-site-in-ten-minutes\n\n1 problem found; nothing was built." },
  { name: 'config without components', files: { 'candor.config.yaml': 'name: Acme\nmirrors:\n  - { id: main, url: https://status.acme.example/, locale: en }\n' }, expected: "candor.config.yaml components: is missing\n  fix: add it, e.g. \"components: [{ id: api, name: API }]\"\n\n1 problem found; nothing was built." },
  { name: 'config with an unknown key', files: { 'candor.config.yaml': `${BASE['candor.config.yaml']}postmortem_due: 48\n` }, expected: "candor.config.yaml:12 postmortem_due: unknown field \"postmortem_due\"\n  fix: remove it; known fields: name, description, support_url, identity, subscribe, locale, impacts, regions, groups, components, uptime, monitoring, postmortem_due_hours, maintenance, example_clock, lint, mirrors, notifications\n\n1 problem found; nothing was built." },
  { name: 'config with a bad URL and zone', files: { 'candor.config.yaml': BASE['candor.config.yaml']!.replace('url: https://status.acme.example/, locale: en', 'url: javascript:alert(1), locale: en, time_zone: Mars/Olympus') }, expected: "candor.config.yaml:11 mirrors.0.url: must be an absolute http(s) URL like https://status.example.com/\n  fix: write it like \"url: https://status.example.com/\"\ncandor.config.yaml:11 mirrors.0.time_zone: is not an IANA time zone\n  fix: use a name like \"UTC\", \"Europe/Berlin\" or \"Australia/Sydney\"\n\n2 problems found; nothing was built." },
  { name: 'config with duplicate ids and a dangling group', files: { 'candor.config.yaml': BASE['candor.config.yaml']!.replace('{ id: web, name: Website }', '{ id: api, name: Website, group: cor }') }, expected: "candor.config.yaml:9 components.1.id: \"api\" is used twice\n  fix: give each entry in components its own id\ncandor.config.yaml:9 components.1.group: unknown group \"cor\"\n  fix: did you mean \"core\"? (use one of: core)\n\n2 problems found; nothing was built." },
  { name: 'config with a traversal in a mirror id', files: { 'candor.config.yaml': BASE['candor.config.yaml']!.replace('id: main', 'id: ../../tmp') }, expected: "candor.config.yaml:11 mirrors.0.id: must be lowercase letters, digits and single dashes, like \"eu-west\"\n  fix: write it like \"id: eu-west\"\n\n1 problem found; nothing was built." },
  { name: 'mirror language without a translation', files: { 'candor.config.yaml': BASE['candor.config.yaml']!.replace('locales: [en, fr]', 'locales: [en, fr, pt]') }, expected: "candor.config.yaml:11 mirrors.0.locales.2: no interface translation for \"pt\"\n  fix: use one of: en, fr, de, sv, ro, zh-CN, or add site/i18n/pt.json (see docs/src/content/docs/languages-and-mirrors.md#adding-a-language)\n\n1 problem found; nothing was built." },
  { name: 'unknown lint rule', files: { 'candor.config.yaml': `${BASE['candor.config.yaml']}lint:\n  jargn: off\n` }, expected: "candor.config.yaml:13 lint.jargn: no lint rule \"jargn\"\n  fix: did you mean \"jargon\"? (use one of: stale-update, open-but-operational, maintenance-overdue, empty-update, customer-impact, jargon, empty-apology, blame-shifting, over-promise, template-placeholder, all-clear-data-loss, postmortem-overdue, third-party-in-social, social-too-long, draft, example-clock, bare-clock-time, time-token, vague-time, internal-names, mirror-not-deployed)\n\n1 problem found; nothing was built." },
];

