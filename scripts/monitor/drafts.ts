// Signals to drafts on GitHub. A failing outage gets exactly one draft: a pull request adding the incident
// folder, which merging publishes (one tap in GitHub's mobile app). Repeats and flapping update that pull request's
// one status comment; an outage already told on the page gets nothing new. A recovery never posts the all-clear:
// it comments on an unmerged draft, or proposes a resolved update in a pull request of its own. Only
// `auto_publish_after` (checks, opt-in) commits straight to the default branch.
import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Octokit } from '@octokit/rest';
import { localize } from '../../site/model/format.ts';
import type { Incident, Site } from '../../site/model/site.ts';
import type { Template } from '../../site/model/templates/library.ts';
import { timeline } from '../../site/model/timeline.ts';
import { writeContent } from '../lib/write.ts';
import type { Repo } from '../github/client.ts';
import { upsertComment } from '../github/comment.ts';
import { incidentDraft, resolveDraft } from './draft-files.ts';
import { outageKey, type Signal } from './signal.ts';

export interface DraftContext {
  gh: Octokit;
  repo: Repo;
  /** The default branch: drafts are pull requests into it. */
  base: string;
  root: string;
  site: Site;
  templates: Template[];
  now: Date;
}

/** Hidden in a pull request's body: which outage it drafts (or which incident it resolves). */
export const draftMarker = (key: string) => `<!-- candor-monitor:draft ${key} -->`;
export const resolveMarker = (incidentId: string) => `<!-- candor-monitor:resolve ${incidentId} -->`;
const STATUS_MARKER = '<!-- candor-monitor:status -->';
/** When the drafted outage began: a closed draft with the same key and start was this outage, dealt with. */
const sinceMarker = (since: Date) => `<!-- candor-monitor:since ${since.toISOString()} -->`;

type Pull = Awaited<ReturnType<Octokit['rest']['pulls']['list']>>['data'][number];

export async function actOnSignals(ctx: DraftContext, signals: Signal[]): Promise<string[]> {
  const open = await ctx.gh.paginate(ctx.gh.rest.pulls.list, { ...ctx.repo, state: 'open', per_page: 100 });
  const log: string[] = [];
  for (const s of signals) log.push(s.state === 'failing' ? await onFailing(ctx, s, open) : await onPassing(ctx, s, open));
  return log;
}

async function onFailing(ctx: DraftContext, s: Signal, open: Pull[]): Promise<string> {
  const key = outageKey(s);
  const told = openIncidentsFor(ctx, s);
  if (told.length) return `${key}: already on the page as ${told.map((i) => i.id).join(', ')}; nothing drafted`;
  const draft = open.find((p) => p.body?.includes(draftMarker(key)));
  const autoPublish = s.autoPublishAfter !== undefined && (s.failedRuns ?? 0) >= s.autoPublishAfter;
  if (draft && !autoPublish) {
    await upsertComment(ctx.gh, ctx.repo, draft.number, STATUS_MARKER, statusLine(s, ctx.now));
    return `${key}: still failing; updated draft #${draft.number}`;
  }
  if (!draft && !autoPublish) {
    // A draft someone closed (or merged and since resolved) for this very outage: Alertmanager repeats a firing
    // alert every repeat_interval, and that must not bring back what a person dismissed.
    const { data: closed } = await ctx.gh.rest.pulls.list({ ...ctx.repo, state: 'closed', per_page: 100 });
    const dealt = closed.find((p) => p.body?.includes(draftMarker(key)) && p.body.includes(sinceMarker(s.since)));
    if (dealt) return `${key}: this outage's draft #${dealt.number} was closed; not drafting it again`;
  }
  const files = await incidentDraft(ctx.root, ctx.site, ctx.templates, s, ctx.now);
  await validate(ctx, files.files);
  if (autoPublish) {
    await putFiles(ctx, ctx.base, files.files, `Investigating: ${files.title} (published by monitoring after ${s.failedRuns} failed runs)`);
    if (draft) {
      await ctx.gh.rest.issues.createComment({ ...ctx.repo, issue_number: draft.number, body: `Published without review after ${s.failedRuns} failed runs in a row (\`auto_publish_after: ${s.autoPublishAfter}\`), as ${files.dir}. Closing this draft.` });
      await ctx.gh.rest.pulls.update({ ...ctx.repo, pull_number: draft.number, state: 'closed' });
    }
    return `${key}: published ${files.dir} after ${s.failedRuns} failed runs (auto_publish_after: ${s.autoPublishAfter})`;
  }
  const branch = `candor-monitor/${key.replace(/[@+]/g, '-')}-${ctx.now.toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;
  const pr = await openPull(ctx, branch, files.files, `Investigating: ${files.title}`, draftBody(ctx, s, files.dir, key));
  return `${key}: opened draft #${pr.number} (${pr.html_url})`;
}

async function onPassing(ctx: DraftContext, s: Signal, open: Pull[]): Promise<string> {
  const key = outageKey(s);
  const draft = open.find((p) => p.body?.includes(draftMarker(key)));
  const lines: string[] = [];
  if (draft) {
    await upsertComment(ctx.gh, ctx.repo, draft.number, STATUS_MARKER, `**Recovered** since ${s.since.toISOString()} (${s.source}). Nothing was published. Close this pull request if customers need not hear about it; merge it only to tell them, then post the all-clear.`);
    lines.push(`${key}: recovered; said so on unmerged draft #${draft.number}`);
  }
  for (const incident of openIncidentsFor(ctx, s)) {
    const marker = resolveMarker(incident.id);
    const proposed = open.find((p) => p.body?.includes(marker));
    if (proposed) {
      lines.push(`${key}: all-clear for ${incident.id} already proposed in #${proposed.number}`);
      continue;
    }
    const update = await resolveDraft(ctx.site, ctx.templates, incident, s, ctx.now);
    await validate(ctx, { [update.path]: update.content });
    const body = [marker, `Monitoring says this has worked again since **${s.since.toISOString()}** (${s.source}).`, '', `This pull request proposes the all-clear for **${incident.title}** (\`${update.path}\`). Read it, change what customers should know, and merge it to publish. Nothing is published until someone merges.`].join('\n');
    const pr = await openPull(ctx, `candor-monitor/resolve-${incident.id}`, { [update.path]: update.content }, `Resolve: ${incident.title}`, body);
    lines.push(`${key}: recovered; proposed the all-clear for ${incident.id} in #${pr.number}`);
  }
  return lines.join('\n') || `${key}: passing; nothing open`;
}

/** Open incidents on the page (the default branch) for the signal's component in any of its regions. */
function openIncidentsFor(ctx: DraftContext, s: Signal): Incident[] {
  return ctx.site.incidents.filter((i) => {
    if (i.kind !== 'incident' || !i.components.includes(s.component)) return false;
    const regions = i.regions ?? [];
    if (regions.length && s.regions.length && !regions.some((r) => s.regions.includes(r))) return false;
    return timeline(i, ctx.site.config, ctx.now).open;
  });
}

/** The writer validates and lints the files in the checkout exactly as `candor new` would, then they go again: the draft lives on its branch. */
async function validate(ctx: DraftContext, files: Record<string, string>): Promise<void> {
  // Folders the write creates (the incident's, even incidents/ on a new site) go again with the files.
  const created = new Set<string>();
  for (const p of Object.keys(files)) for (let d = dirname(p); d !== '.' && !existsSync(join(ctx.root, d)); d = dirname(d)) created.add(d);
  await writeContent(ctx.root, files, new Date(ctx.now.getTime() + 60_000));
  for (const p of Object.keys(files)) await rm(join(ctx.root, p), { force: true });
  for (const d of [...created].sort((a, b) => b.length - a.length)) await rm(join(ctx.root, d), { recursive: true, force: true });
}

async function putFiles(ctx: DraftContext, branch: string, files: Record<string, string>, message: string): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await ctx.gh.rest.repos.createOrUpdateFileContents({ ...ctx.repo, path, branch, message, content: Buffer.from(text).toString('base64') });
  }
}

async function openPull(ctx: DraftContext, branch: string, files: Record<string, string>, title: string, body: string) {
  const { data: baseRef } = await ctx.gh.rest.git.getRef({ ...ctx.repo, ref: `heads/${ctx.base}` });
  await ctx.gh.rest.git.createRef({ ...ctx.repo, ref: `refs/heads/${branch}`, sha: baseRef.object.sha });
  await putFiles(ctx, branch, files, title);
  return (await ctx.gh.rest.pulls.create({ ...ctx.repo, head: branch, base: ctx.base, title, body })).data;
}

function draftBody(ctx: DraftContext, s: Signal, dir: string, key: string): string {
  const locale = ctx.site.config.locale;
  const name = (list: { id: string; name: Parameters<typeof localize>[0] }[], id: string) => localize(list.find((x) => x.id === id)?.name ?? id, locale, locale);
  const regions = s.regions.length ? s.regions.map((r) => name(ctx.site.config.regions, r)).join(', ') : 'all regions';
  return [
    draftMarker(key),
    sinceMarker(s.since),
    `**${name(ctx.site.config.components, s.component)}** (${regions}) has been failing since **${s.since.toISOString()}**, by ${s.source}.`,
    '',
    'What failed:',
    ...s.detail.map((d) => `- ${d}`),
    '',
    `**Merge to publish** the "investigating" update in \`${dir}/\` (GitHub's mobile app: Merge pull request). Edit the text first if you know more. Close this pull request if customers need not hear about it.`,
    '',
    'Nothing here is published until someone merges. Candor will not open a second draft for this outage; it keeps the status comment below up to date.',
  ].join('\n');
}

function statusLine(s: Signal, now: Date): string {
  return `**Still failing** as of ${now.toISOString()} (since ${s.since.toISOString()}${s.failedRuns ? `, ${s.failedRuns} failed runs in a row` : ''}; ${s.source}).`;
}
