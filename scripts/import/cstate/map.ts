// cState issues, systems and categories in Candor's terms.
import { isFinalStatus, type Kind, type Status } from '../../../site/model/states.ts';
import { HOUR } from '../../../site/model/time.ts';
import type { Draft, DraftAnnouncement, DraftComponent, DraftGroup, DraftIncident, DraftUpdate } from '../draft.ts';
import type { Report } from '../report.ts';
import { later, looseStamp, readableStamp, type Stamp } from '../stamp.ts';
import type { CsInput, CsIssue } from './read.ts';
import { isMaintenanceLabel, LABELS } from './labels.ts';
import { untrackedLog } from './untracked-log.ts';
import { inlineTracks, splitLog } from './updates.ts';

const IMPACTS: Record<string, string> = { down: 'critical', disrupted: 'major', notice: 'minor' };
/** cState marks an issue resolved without words; these are the sentences Statuspage uses by default for it. */
const CLOSING_TEXT: Record<Kind, string> = { incident: 'This incident has been resolved.', maintenance: 'The scheduled maintenance has been completed.' };
const DAY = 24 * HOUR;

export function cstateDraft(input: CsInput, timeZone: string, report: Report): Draft {
  const { site } = input;
  const { groups, components, keyOf } = componentsOf(input, report);
  const zoneless = new Set<string>();
  const time = (text: string): Stamp | undefined => {
    const r = looseStamp(text, timeZone);
    if (!r.ok) return undefined;
    if (r.zoneless) zoneless.add(text);
    return r.stamp;
  };
  const announcements: DraftAnnouncement[] = [];
  const incidents = input.issues.flatMap((issue) => {
    if (issue.data.informational === true && issue.data.draft !== true) {
      const a = announcementDraft(issue, time, report);
      if (a) announcements.push(a);
      return [];
    }
    const draft = issueDraft(issue, time, keyOf, report);
    return draft ? [draft] : [];
  });
  if (zoneless.size) report.note('time zone', `${zoneless.size} cState date(s) had no zone and were read as ${timeZone} time; if the site was written in another zone, import again with --time-zone`);
  return {
    source: 'cState',
    from: 'cstate',
    site: { name: site.title, url: site.baseURL, locale: normalLocale(site.languageCode), description: site.description, timeZone },
    groups,
    components,
    incidents,
    announcements,
  };
}

/** An informational post: Candor's announcement, pinned when cState pinned it. */
function announcementDraft(issue: CsIssue, time: (text: string) => Stamp | undefined, report: Report): DraftAnnouncement | undefined {
  const { file, data } = issue;
  const raw = stringOf(data.date);
  const published = raw ? time(raw) : undefined;
  if (!published) return void report.fail(file, raw ? `date "${raw}" is not a date like 2018-05-25 04:13:00` : 'has no date');
  const pinned = data.pin === true || data.pinned === true;
  report.tally('{n} informational post(s) became announcements (announcements/), shown on the home page and in the feeds');
  return { origin: file, title: stringOf(data.title) ?? '', published, pinned, body: issue.body.trim() };
}

function componentsOf(input: CsInput, report: Report) {
  const grouped = input.site.categories.filter((c) => !c.untitled);
  const groups: DraftGroup[] = grouped.map((c) => ({ key: c.name, name: c.name, ...(c.description ? { description: c.description } : {}) }));
  const components: DraftComponent[] = [];
  const byName = new Map<string, DraftComponent>();
  const add = (name: string, extra: Partial<DraftComponent> = {}) => {
    const c: DraftComponent = { key: name, name, ...extra };
    byName.set(name.toLowerCase(), c);
    components.push(c);
  };
  for (const s of input.site.systems) {
    if (byName.has(s.name.toLowerCase())) continue;
    const category = s.category && input.site.categories.find((c) => c.name === s.category);
    // A category the config never defines is still shown by cState under its name.
    if (s.category && !category && !groups.some((g) => g.key === s.category)) groups.push({ key: s.category, name: s.category });
    const inGroup = s.category && (!category || !category.untitled);
    add(s.name, { ...(s.description ? { description: s.description } : {}), ...(inGroup ? { groupKey: s.category } : {}) });
  }
  const keyOf = (name: string, file: string): string => {
    const known = byName.get(name.toLowerCase());
    if (known) return known.key;
    if (input.site.configFile) report.note(file, `affects "${name}", which config.yml does not list as a system; added as a component`);
    add(name);
    return name;
  };
  return { groups, components, keyOf };
}

function issueDraft(issue: CsIssue, time: (text: string) => Stamp | undefined, keyOf: (name: string, file: string) => string, report: Report): DraftIncident | undefined {
  const { file, data } = issue;
  if (data.draft === true) return void report.note(file, 'is a draft (draft: true); not imported');
  if (typeof data.section === 'string' && data.section !== 'issue') return void report.note(file, `is in section "${data.section}", not "issue"; not imported`);
  const rawDate = stringOf(data.date);
  const started = rawDate ? time(rawDate) : undefined;
  if (!started) return void report.fail(file, rawDate ? `date "${rawDate}" is not a date like 2018-05-25 04:13:00` : 'has no date');
  const resolvedWhenRaw = stringOf(data.resolvedwhen);
  const resolvedWhen = resolvedWhenRaw ? time(resolvedWhenRaw) : undefined;
  if (resolvedWhenRaw && !resolvedWhen) report.note(file, `resolvedWhen "${resolvedWhenRaw}" is not a date; ignored`);
  // Dates that contradict each other: said, whatever the import then does with them (below).
  const contradicts = !!resolvedWhen && resolvedWhen.date < started.date;
  if (contradicts) report.note(file, `resolvedWhen (${resolvedWhen.text}) is ${ago(resolvedWhen.date, started.date)} before its date (${started.text}): the post's dates contradict each other`);
  const resolved = data.resolved === true || data.resolved === 'true';
  if (data.resolved === undefined) report.note(file, 'does not say `resolved`; imported as open, as cState shows it');

  const severity = stringOf(data.severity)?.toLowerCase();
  const impact = IMPACTS[severity ?? ''];
  if (!impact) report.note(file, `severity "${severity ?? '(missing)'}" is not down, disrupted or notice; imported as impact "minor"`);
  const affected = listOf(data.affected ?? data.affectedsystems);
  const log = splitLog(issue.body);
  const kind = maintenanceLike(data, log) ? 'maintenance' : 'incident';

  const readable = (text: string) => {
    const stamp = time(text);
    return stamp ? readableStamp(stamp) : text;
  };
  const timed = log.entries
    .flatMap((entry) => {
      const at = time(entry.time);
      if (!at) report.fail(file, `an update's track date "${entry.time}" is not a date; that update was left out`);
      return at ? [{ entry, at }] : [];
    })
    .sort((a, b) => a.at.date.getTime() - b.at.date.getTime());
  // Labels name a status only where they are one; other labels carry the previous status forward.
  let previous: Status = kind === 'incident' ? 'investigating' : 'scheduled';
  const updates: DraftUpdate[] = timed.map(({ entry, at }) => {
    if (entry.label) report.tally('{n} cState update label(s) that are not statuses ("Update", "Just began"…) were kept in the text; the status carries over from the update before');
    previous = entry.status ? LABELS[entry.status][kind] : previous;
    return { at, status: previous, body: inlineTracks(entry.body, readable), components: {} };
  });
  // The tracked times are what cState shows beside each update; a date or resolvedWhen far from them is a slip.
  let begun = started;
  const first = updates[0]?.at;
  if (first && Math.abs(first.date.getTime() - started.date.getTime()) > DAY && kind === 'incident') {
    report.note(file, `date (${started.text}) is ${days(first.date, started.date)} from its first tracked update (${first.text}); the tracked times are kept and the incident starts at the first update`);
    begun = first;
  }
  let closedAt = resolvedWhen;
  const last = updates.at(-1)?.at;
  if (closedAt && last && Math.abs(closedAt.date.getTime() - last.date.getTime()) > DAY) {
    report.note(file, `resolvedWhen (${closedAt.text}) is ${days(closedAt.date, last.date)} from its last tracked update (${last.text}); the tracked times are kept and resolvedWhen is not used`);
    closedAt = undefined;
  }

  let summary = log.untimed.map((p) => inlineTracks(p, readable)).join('\n\n');
  let scheduled: DraftIncident['scheduled'];
  if (kind === 'maintenance') {
    const end = resolvedWhen && resolvedWhen.date > started.date ? resolvedWhen : later(started, HOUR);
    if (end !== resolvedWhen) report.note(file, `is maintenance without a resolvedWhen after its date; the window is taken to end an hour after it starts (${end.text})`);
    scheduled = { start: started, end };
    report.note(file, `is maintenance written the cState way (severity "notice"${timed.some((t) => t.entry.status) ? ', maintenance labels' : ', "maintenance" in its title'}); imported as maintenance from ${started.text} to ${end.text}`);
  }
  if (updates.length === 0) {
    // No timed log: the body is one update, posted when the issue was resolved (or opened).
    const final: Status = kind === 'incident' ? 'resolved' : 'completed';
    const open: Status = kind === 'incident' ? 'investigating' : 'scheduled';
    if (kind === 'maintenance') {
      updates.push({ at: started, status: open, body: summary, components: {} });
      if (resolved) {
        updates.push({ at: scheduled!.end, status: final, body: CLOSING_TEXT.maintenance, components: {} });
        report.note(file, `is resolved; a "completed" update at the window's end (${scheduled!.end.text}) says "${CLOSING_TEXT.maintenance}"`);
      }
      summary = '';
    } else {
      const untracked = untrackedLog(log.untimed.map((p) => inlineTracks(p, readable)), started, resolved, resolvedWhen, file, report);
      if (untracked) {
        updates.push(...untracked.updates);
        summary = untracked.intro;
        finish(updates, kind, resolved, contradicts ? undefined : resolvedWhen, file, report);
      } else {
        const at = resolved ? (resolvedWhen && !contradicts ? resolvedWhen : started) : started;
        updates.push({ at, status: resolved ? final : open, body: summary, components: {} });
        report.note(file, `has no timed updates ({{< track >}} at the end of a line); its text is one ${resolved ? 'resolved' : 'open'} update at ${at.text}${resolved && contradicts ? ' (its date, since resolvedWhen is before it)' : ''}`);
        summary = '';
      }
    }
  } else {
    if (summary) report.note(file, 'text outside the timed updates became the incident summary in index.md');
    finish(updates, kind, resolved, closedAt, file, report);
  }
  let postmortem: DraftIncident['postmortem'];
  if (log.postmortem) {
    const published = updates.at(-1)!.at;
    postmortem = { published, body: inlineTracks(log.postmortem, readable) };
    report.note(file, `its *Post-mortem* section became postmortem.md, published at the last update's time (${published.text}), since cState records no date for it`);
  }
  if (/\{\{[<%]/.test(issue.body.replace(/\{\{[<%]\s*track\s[^}]*\}\}/g, ''))) report.note(file, 'uses Hugo shortcodes other than track; they are kept as plain text');
  if (/<\/?[a-z][a-z0-9]*[\s>/]/i.test(issue.body)) report.note(file, 'contains raw HTML, which Candor does not render; check the text');

  return {
    origin: file,
    title: stringOf(data.title) ?? '',
    kind,
    impact: kind === 'incident' ? (impact ?? 'minor') : undefined,
    components: affected.map((name) => keyOf(name, file)),
    started: kind === 'incident' ? begun : started,
    scheduled,
    summary,
    updates,
    postmortem,
  };
}

/** Maintenance, the way cState sites write it: a "notice" with maintenance labels, or "maintenance" in its title. */
function maintenanceLike(data: Record<string, unknown>, log: ReturnType<typeof splitLog>): boolean {
  if (stringOf(data.severity)?.toLowerCase() !== 'notice') return false;
  const labels = log.entries.map((e) => e.status);
  return labels.some(isMaintenanceLabel) || /maint[ae]nance|wartung|mantenimiento|onderhoud/i.test(stringOf(data.title) ?? '');
}

/** Makes the last update agree with cState's `resolved` flag. */
function finish(updates: DraftUpdate[], kind: Kind, resolved: boolean, resolvedWhen: Stamp | undefined, file: string, report: Report) {
  const last = updates.at(-1)!;
  const final: Status = kind === 'incident' ? 'resolved' : 'completed';
  if (resolved && !isFinalStatus(last.status)) {
    if (resolvedWhen && resolvedWhen.date > last.at.date) {
      updates.push({ at: resolvedWhen, status: final, body: CLOSING_TEXT[kind], components: {} });
      report.note(file, `is resolved (resolvedWhen ${resolvedWhen.text}) but has no "${final === 'resolved' ? 'Resolved' : 'Completed'}" update; added one at that time saying "${CLOSING_TEXT[kind]}"`);
    } else {
      report.note(file, `is resolved but its latest update is "${last.status}"; that update now ${kind === 'incident' ? 'resolves' : 'completes'} it`);
      last.status = final;
    }
  } else if (!resolved && isFinalStatus(last.status)) {
    report.note(file, `says resolved: false, but its latest update is "${last.status}"; imported as ${last.status}`);
  }
}

/** How far apart two instants are, for a sentence: days when a day or more, else hours or minutes. */
function ago(a: Date, b: Date): string {
  const ms = Math.abs(a.getTime() - b.getTime());
  if (ms >= DAY) return days(a, b);
  const minutes = Math.round(ms / 60_000);
  return minutes >= 60 ? `${Math.round(minutes / 60)} hour(s)` : `${minutes} minute(s)`;
}

function days(a: Date, b: Date): string {
  const n = Math.round(Math.abs(a.getTime() - b.getTime()) / DAY);
  return `${n} day${n === 1 ? '' : 's'}`;
}

function stringOf(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (v instanceof Date) return v.toISOString();
  return undefined;
}

function listOf(v: unknown): string[] {
  if (typeof v === 'string' && v.trim()) return [v.trim()];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !!x.trim()).map((x) => x.trim()) : [];
}

/** Hugo writes `en-us`; Candor wants `en-US`. */
function normalLocale(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const [lang, region] = code.split(/[-_]/);
  return region ? `${lang!.toLowerCase()}-${region.toUpperCase()}` : lang!.toLowerCase();
}
