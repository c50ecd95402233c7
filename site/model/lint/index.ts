// `lint`: validation errors plus the communication rules, with the team's settings applied.
import { createHash } from 'node:crypto';
import type { CarriedOver } from '../carried-over.ts';
import type { ContentError } from '../errors.ts';
import { siteMoment } from '../example-clock.ts';
import { incidentDigest } from '../incident-digest.ts';
import { loadSite } from '../load/index.ts';
import type { Site } from '../site.ts';
import { timeline } from '../timeline.ts';
import { ALL_RULES } from './catalog.ts';
import { RULES, type Finding, type Severity } from './rules.ts';

export type { Finding, Severity };

/**
 * Findings of the per-incident rules (Rule.perIncident) for one incident, kept between runs. A key stands for the
 * incident's content and the site's config (names, languages, lint settings); the caller keeps one set of keys per
 * version of the code (scripts/lib/lint/kept.ts), so an entry is only ever found where it would be made again.
 */
export type LintCache = Pick<CarriedOver<Finding[]>, 'get' | 'set'>;

/**
 * Runs every enabled rule. A rule's settings come from `lint.<rule>` in the config. With a cache, an incident
 * whose findings are kept is not read by the per-incident rules again: after one update, one incident is.
 */
export function lint(site: Site, now: Date, cache?: LintCache): Finding[] {
  site = { ...site, incidents: site.incidents.filter((i) => !isHistory(i, site, now)) };
  const enabled = ALL_RULES.flatMap((rule) => {
    const setting = site.config.lint[rule.id];
    const severity = typeof setting === 'string' ? setting : (setting?.severity ?? rule.severity);
    if (severity === 'off') return [];
    return [{ rule, severity, words: typeof setting === 'object' ? (setting.words ?? []) : [] }];
  });
  const check = (rules: typeof enabled, part: Site): Finding[] =>
    rules.flatMap(({ rule, severity, words }) => rule.check({ site: part, now, words }).map((f) => ({ rule: rule.id, severity, ...f, fix: f.fix || rule.fix })));
  const findings = check(enabled.filter((r) => !r.rule.perIncident), site);
  const perIncident = enabled.filter((r) => r.rule.perIncident);
  const settings = cache && digest(JSON.stringify(site.config));
  for (const incident of site.incidents) {
    const key = settings && digest(`${settings}\0${incidentDigest(incident)}`);
    let found = key ? cache?.get(key) : undefined;
    if (!found) {
      found = check(perIncident, { ...site, incidents: [incident] });
      if (key) cache?.set(key, found);
    }
    findings.push(...found);
  }
  // The order is the same as one pass of each rule over the whole site: by file, line and rule, and two findings
  // equal in all three come from one rule over one incident, in the order it found them.
  return sortFindings(findings);
}

const digest = (s: string) => createHash('sha256').update(s).digest('base64url');

/**
 * History is history: what an imported incident says was said on another page, and no rule about live
 * communication (deadlines, data-loss statements, wording) can change it. It is live again — and every rule
 * applies — once someone posts an update here (after `imported.latest`). Imports from before that field existed
 * count as live while open.
 */
function isHistory(incident: Site['incidents'][number], site: Site, now: Date): boolean {
  const imported = incident.imported;
  if (!imported) return false;
  if (!imported.latest) return !timeline(incident, site.config, now).open;
  const latest = imported.latest.getTime();
  return !incident.updates.some((u) => u.at.getTime() > latest);
}

/** Unfilled template placeholders in anything that would be published, whatever the lint settings say. */
export function unfilledSlots(site: Site): Finding[] {
  const rule = RULES.find((r) => r.id === 'template-placeholder')!;
  return rule.check({ site, now: new Date(0), words: [] }).map((f) => ({ rule: rule.id, severity: 'error', ...f, fix: rule.fix }));
}

/** Loads and lints a repository: content errors become `schema` findings. */
export async function lintRepository(root: string, now: Date, cache?: LintCache): Promise<{ site?: Site; findings: Finding[] }> {
  const loaded = await loadSite(root, { now });
  if (!loaded.ok) return { findings: loaded.errors.map(schemaFinding) };
  return { site: loaded.value, findings: lint(loaded.value, siteMoment(loaded.value.config, now), cache) };
}

function schemaFinding(e: ContentError): Finding {
  return { rule: 'schema', severity: 'error', file: e.file, line: e.line, message: e.field ? `${e.field}: ${e.message}` : e.message, fix: e.fix };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule));
}

export function formatText(findings: Finding[]): string {
  if (findings.length === 0) return 'No problems found.';
  const lines = findings.map((f) => `${f.line ? `${f.file}:${f.line}` : f.file}  ${f.severity}  ${f.rule}  ${f.message}\n  fix: ${f.fix}`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return `${lines.join('\n')}\n\n${errors} error(s), ${findings.length - errors} warning(s)`;
}

export function formatJson(findings: Finding[]): string {
  return JSON.stringify({ findings, errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length }, null, 2);
}

/** GitHub Actions workflow commands, which show as annotations on the pull request's files. */
export function formatGithub(findings: Finding[]): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return findings
    .map((f) => `::${f.severity} file=${prop(f.file)}${f.line ? `,line=${f.line}` : ''},title=${prop(`candor ${f.rule}`)}::${esc(`${f.message}. Fix: ${f.fix}`)}`)
    .join('\n');
}
