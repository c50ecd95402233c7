// The communication rules: each has a stable id, a default severity, a one-line explanation and a fix.
// Rules are pure functions of the site and `now`; the docs' lint-rules page is generated from this table.
import { channelVariants, SOCIAL_LIMIT } from '../channels.ts';
import { postmortemDue } from '../postmortem-due.ts';
import type { Incident, Site, Update } from '../site.ts';
import { isFinalStatus } from '../states.ts';
import { automatic, isOpen, statesAt, timeline } from '../timeline.ts';
import { DAY, HOUR, MINUTE } from '../time.ts';
import { unfilledPlaceholders } from '../templates/fill.ts';
import type { RuleId } from './ids.ts';
import { APOLOGY, BLAME, ideaFor, OVER_PROMISE, type Idea } from './ideas.ts';
import { findIdea, listWords, type Hit } from './sentences.ts';
import { matcher, normalize, phrasesFor, type Phrases } from './words.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: string;
  severity: Severity;
  file: string;
  line?: number;
  message: string;
  fix: string;
}

export type RawFinding = Omit<Finding, 'rule' | 'severity'>;

export interface RuleContext {
  site: Site;
  now: Date;
  /** Extra words a team configured for this rule. */
  words: string[];
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  summary: string;
  fix: string;
  /** Text that trips the rule and how to write it instead, for the documentation. */
  example?: { bad: string; good: string };
  /**
   * The rule looks at one incident at a time and not at the clock: its findings over the site are its findings
   * over each incident alone, put together, at any moment. The linter then keeps them per incident between runs
   * (lint/index.ts), so a build after one update checks the wording of that incident only.
   */
  perIncident?: true;
  check(ctx: RuleContext): RawFinding[];
}

/** A piece of customer-facing text, with where it lives and its language. */
export interface TextUnit {
  file: string;
  line: number;
  text: string;
  locale: string;
  incident: Incident;
  update?: Update;
  /** Postmortems may explain causes in technical terms, so the wording rules skip them. */
  postmortem?: boolean;
}

/** Titles, summaries and update bodies in every language: what customers read on the page. */
export function customerText(site: Site): TextUnit[] {
  const units: TextUnit[] = [];
  const source = site.config.locale;
  for (const incident of site.incidents) {
    const index = `${incident.dir}/index.md`;
    units.push({ file: index, line: incident.titleLine ?? 1, text: incident.title, locale: source, incident });
    if (incident.summary) units.push({ file: index, line: incident.summaryLine, text: incident.summary, locale: source, incident });
    for (const [locale, tr] of Object.entries(incident.translations)) {
      if (tr.title) units.push({ file: tr.file, line: 2, text: tr.title, locale, incident });
      if (tr.body) units.push({ file: tr.file, line: tr.bodyLine, text: tr.body, locale, incident });
    }
    for (const update of incident.updates) {
      units.push({ file: update.file, line: update.bodyLine, text: update.body, locale: source, incident, update });
      for (const [locale, tr] of Object.entries(update.translations)) units.push({ file: tr.file, line: tr.bodyLine, text: tr.body, locale, incident, update });
    }
    const pm = incident.postmortem;
    if (pm) {
      units.push({ file: pm.file, line: pm.bodyLine, text: pm.body, locale: source, incident, postmortem: true });
      for (const [locale, tr] of Object.entries(pm.translations)) units.push({ file: tr.file, line: tr.bodyLine, text: tr.body, locale, incident, postmortem: true });
    }
  }
  return units;
}

/**
 * One finding per text and rule, at the line of the first hit, listing every wording found: the phrases of the
 * list, and (for the rules that have one) the idea's word groups in one sentence, in any order.
 */
function phraseRule(list: keyof Phrases, ideas: Record<string, Idea> | undefined, message: (words: string, many: boolean) => string): Rule['check'] {
  return ({ site, words }) =>
    wordingFindings(site, message, (u) => {
      const own = ideas ? ideaFor(ideas, u.locale) : { phrases: [], together: [] };
      return findIdea(u.text, u.locale, { phrases: [...phrasesFor(u.locale)[list], ...own.phrases], together: own.together }, words.map(escapeRegExp));
    });
}

/** What the wording rules share: customer text but postmortems, one finding per text that has hits. */
export function wordingFindings(site: Site, message: (words: string, many: boolean) => string, find: (u: TextUnit) => Hit[]): RawFinding[] {
  return customerText(site)
    .filter((u) => !u.postmortem)
    .flatMap((u) => {
      const hits = find(u);
      if (hits.length === 0) return [];
      const listed = listWords(hits);
      return [{ file: u.file, line: lineOf(u, hits[0]!.index), message: message(listed, listed.includes('", "')), fix: '' }];
    });
}

/** The file line of an offset in a text unit. */
export function lineOf(u: TextUnit, index: number): number {
  return u.line + (u.text.slice(0, index).match(/\n/g)?.length ?? 0);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const openIncidents = (site: Site, now: Date) => site.incidents.filter((i) => i.kind === 'incident' && isOpen(i, site.config, now));
const ago = (ms: number) => (ms >= HOUR ? `${Math.round(ms / HOUR)} h` : `${Math.max(1, Math.round(ms / MINUTE))} min`);

export const RULES: Rule[] = [
  {
    id: 'stale-update',
    severity: 'error',
    summary: 'An open incident whose promised next update time has passed.',
    fix: 'Post an update now, even if nothing is new (template "still-working"), with a new next_update.',
    check: ({ site, now }) =>
      openIncidents(site, now).flatMap((i) => {
        const tl = timeline(i, site.config, now);
        if (!tl.nextUpdate || tl.nextUpdate >= now) return [];
        return [{ file: tl.latest.file, message: `customers were promised an update by ${tl.nextUpdate.toISOString()}, ${ago(now.getTime() - tl.nextUpdate.getTime())} ago`, fix: '' }];
      }),
  },
  {
    id: 'open-but-operational',
    severity: 'error',
    summary: 'An incident still investigating or identified while every component it affects shows "Operational": the "all good during an outage" failure. Monitoring (a fix is in place, customers can use it again) is meant to show Operational.',
    fix: 'Give the affected components their real state in the latest update (components: { api: partial_outage }), post "monitoring" if a fix is in place, or resolve the incident.',
    check: ({ site, now }) =>
      openIncidents(site, now).flatMap((i) => {
        // A level declared with no service impact (Statuspage's "none") is meant to leave everything operational.
        if (site.config.impacts[i.impact ?? '']?.indicator === 'none') return [];
        // Monitoring means the fix works and is being watched: Operational is the truth then, and the page's
        // level follows the components (status.ts incidentIndicator), so nothing disagrees.
        const tl = timeline(i, site.config, now);
        if (tl.status === 'monitoring') return [];
        const states = Object.values(statesAt(tl, now));
        if (states.length && states.some((s) => s !== 'operational')) return [];
        return [{ file: timeline(i, site.config, now).latest.file, message: 'the incident is open but its components all show "Operational"', fix: '' }];
      }),
  },
  {
    id: 'maintenance-overdue',
    severity: 'warning',
    summary: 'Maintenance whose window started without a "started" update, or ended without "completed".',
    fix: 'Post in_progress when work starts and completed when it ends, or extend the window with scheduled_end.',
    check: ({ site, now }) =>
      site.incidents
        .filter((i) => i.kind === 'maintenance')
        .flatMap((i) => {
          const tl = timeline(i, site.config, now);
          const w = tl.window!;
          // What people posted, not what the clock derived: automatic transitions keep the page true, but
          // customers still deserve words. The clock's windows stop nagging a day after they end.
          const posted = tl.latest.status;
          const byClock = automatic(i, site.config);
          if (byClock && w.end.getTime() + DAY < now.getTime()) return [];
          const shown = byClock ? ` (the page shows it as ${tl.status.replace('_', ' ')} by the clock)` : '';
          if (posted === 'scheduled' && w.start.getTime() + 15 * MINUTE < now.getTime() && (w.end > now || !byClock)) return [{ file: tl.latest.file, message: `the window started at ${w.start.toISOString()} but no update says work has started${shown}`, fix: '' }];
          if (!isFinalStatus(posted) && w.end < now) return [{ file: tl.latest.file, message: `the window ended at ${w.end.toISOString()} but no update marks it completed${shown}`, fix: '' }];
          return [];
        }),
  },
  {
    id: 'empty-update',
    perIncident: true,
    severity: 'error',
    summary: 'An update with no text: customers get a status change and no words.',
    fix: 'Say what customers experience, who is affected, and what happens next.',
    check: ({ site }) => site.incidents.flatMap((i) => i.updates.filter((u) => u.body.trim() === '').map((u) => ({ file: u.file, line: u.bodyLine, message: 'the update has no text', fix: '' }))),
  },
  {
    id: 'customer-impact',
    perIncident: true,
    severity: 'warning',
    summary: "An incident's first update does not say what customers experience.",
    fix: 'Lead with what customers see and what it means for them ("Some customers can\'t pay invoices by card"), not the internal cause.',
    check: ({ site, words }) =>
      site.incidents
        .filter((i) => i.kind === 'incident')
        .flatMap((i) => {
          const first = i.updates[0]!;
          const re = matcher([...phrasesFor(site.config.locale).impact, ...words.map(escapeRegExp)], site.config.locale)!;
          return re.test(normalize(first.body)) ? [] : [{ file: first.file, line: first.bodyLine, message: 'the first update does not describe what customers experience', fix: '' }];
        }),
  },
  {
    id: 'jargon',
    perIncident: true,
    severity: 'warning',
    summary: "Internal terms customers don't understand (DNS, 5xx, database failover, k8s, p99…) in customer-facing text.",
    fix: 'Describe the effect in plain words: "pages fail to load" instead of "502 errors from the load balancer".',
    check: phraseRule('jargon', undefined, (w, many) => `${w} ${many ? 'are' : 'is'} jargon to most customers`),
  },
  {
    id: 'empty-apology',
    perIncident: true,
    severity: 'warning',
    summary: 'An apology that says nothing ("we apologize for any inconvenience" and its equivalents).',
    fix: 'Say specifically what went wrong for customers and what you are doing; apologise for that, if at all.',
    check: phraseRule('apology', APOLOGY, (w, many) => `${w} ${many ? 'are empty apologies' : 'is an empty apology'}`),
  },
  {
    id: 'blame-shifting',
    perIncident: true,
    severity: 'warning',
    summary: 'Wording that disowns the problem ("beyond our control", "caused by a third party").',
    fix: 'Own it: customers chose you, not your providers. Name the provider on the status page if it helps, and say what you are doing.',
    check: phraseRule('blame', BLAME, (w, many) => `${w} ${many ? 'shift' : 'shifts'} the blame`),
  },
  {
    id: 'over-promise',
    perIncident: true,
    severity: 'warning',
    summary: 'An exact recovery time nobody can promise ("fixed in 5 minutes").',
    fix: 'Promise only the time of the next update (next_update), not the time of the fix.',
    check: phraseRule('overPromise', OVER_PROMISE, (w, many) => `${w} ${many ? 'promise' : 'promises'} a recovery time`),
  },
  {
    id: 'template-placeholder',
    perIncident: true,
    severity: 'error',
    summary: 'A template placeholder ({{what}}) left unfilled in customer-facing text.',
    fix: 'Replace the placeholder with the words it stands for, or delete its sentence.',
    check: ({ site }) =>
      customerText(site).flatMap((u) =>
        [...u.text.matchAll(/\{\{[^}]*\}\}/g)].filter((m) => unfilledPlaceholders(m[0]).length).map((m) => ({
          file: u.file,
          line: u.line + (u.text.slice(0, m.index).match(/\n/g)?.length ?? 0),
          message: `${m[0]} was never filled in`,
          fix: '',
        })),
      ),
  },
  {
    id: 'all-clear-data-loss',
    perIncident: true,
    severity: 'error',
    summary: 'A resolved incident whose all-clear does not say whether any data was lost.',
    fix: 'Add data_loss: none, some or unknown to the resolving update; the page states it in every language.',
    check: ({ site }) =>
      site.incidents
        .filter((i) => i.kind === 'incident')
        .flatMap((i) => i.updates.filter((u) => u.status === 'resolved' && !u.dataLoss).map((u) => ({ file: u.file, message: 'the all-clear does not say whether data was lost', fix: '' }))),
  },
  {
    id: 'postmortem-overdue',
    severity: 'error',
    summary: 'A major or critical incident resolved longer ago than postmortem_due_hours (72 by default) without a postmortem.',
    fix: 'Publish one: "candor postmortem <incident>" writes a draft from the timeline.',
    check: ({ site, now }) =>
      site.incidents.flatMap((i) => {
        const due = postmortemDue(i, site.config, now);
        if (!due || due > now) return [];
        const resolved = timeline(i, site.config, now).resolvedAt!;
        return [{ file: `${i.dir}/index.md`, message: `resolved ${ago(now.getTime() - resolved.getTime())} ago and still has no postmortem`, fix: '' }];
      }),
  },
  {
    id: 'third-party-in-social',
    perIncident: true,
    severity: 'error',
    summary: 'A social post that names the third party; the status page may name it, posts say "one of our providers".',
    fix: 'Remove the provider\'s name from "social:", or drop "social:" and let Candor write the post.',
    check: ({ site }) =>
      site.incidents
        .filter((i) => i.provider)
        .flatMap((i) =>
          i.updates
            .filter((u) => u.social && u.social.toLowerCase().includes(i.provider!.toLowerCase()))
            .map((u) => ({ file: u.file, message: `the social post names ${i.provider}`, fix: '' })),
        ),
  },
  {
    id: 'social-too-long',
    perIncident: true,
    severity: 'warning',
    summary: `A hand-written social post that will be cut to fit ${SOCIAL_LIMIT} characters with its link.`,
    fix: 'Shorten "social:" so it fits with the link.',
    check: ({ site }) => {
      const mirror = site.config.mirrors[0]!;
      return site.incidents.flatMap((i) =>
        i.updates
          .filter((u) => u.social)
          .flatMap((u) => {
            const url = new URL(`incidents/${i.id}/`, mirror.url).href;
            const post = channelVariants(i, u, { site, mirror, locale: site.config.locale, url }).social;
            return post.includes('…') && !u.social!.includes('…') ? [{ file: u.file, message: `the social post is cut to ${SOCIAL_LIMIT} characters`, fix: '' }] : [];
          }),
      );
    },
  },
];

