// The "Status update" issue form, for posting from GitHub's mobile app: its answers become `candor update` flags,
// so the update is validated and linted exactly as one written at a laptop.
import { DATA_LOSS, INCIDENT_STATUSES, MAINTENANCE_STATUSES } from '../../site/model/states.ts';

/** Labels of the form's fields (.github/ISSUE_TEMPLATE/status-update.yml), as they head the issue body. */
export const FIELDS = {
  incident: 'Incident',
  status: 'Status',
  message: 'Message to customers',
  next: 'Next update in (minutes)',
  dataLoss: 'Was any customer data lost?',
} as const;

const ORDER = [FIELDS.incident, FIELDS.status, FIELDS.message, FIELDS.next, FIELDS.dataLoss] as const;
/** The one free-text field: every other answer is a single line. */
const FREE = FIELDS.message;

export interface ParsedForm {
  values: Record<string, string>;
  /** What could not be read: missing headings, answers that should be one line. */
  problems: string[];
}

const heading = (label: string) => `### ${label}`;

/**
 * GitHub renders an issue form as "### Label\n\nanswer" sections, in the form's order; unanswered optional fields
 * read "_No response_". The message may itself hold "### " lines (even "### Status"), so it is not split on them:
 * the one-line fields before it are read from the top, those after it from the bottom, and the message is
 * everything between. Nothing is dropped silently: text the layout cannot account for is a problem.
 */
export function readIssueForm(body: string): ParsedForm {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const problems: string[] = [];
  const free = ORDER.indexOf(FREE);
  const at = new Map<string, number>();
  // Headings of the fields before the message, first occurrence in order; after it, last occurrence in reverse order.
  let from = 0;
  for (const label of ORDER.slice(0, free + 1)) {
    const i = lines.indexOf(heading(label), from);
    if (i >= 0) (at.set(label, i), (from = i + 1));
  }
  let to = lines.length;
  for (const label of ORDER.slice(free + 1).reverse()) {
    const i = lines.lastIndexOf(heading(label), to - 1);
    if (i >= from) (at.set(label, i), (to = i));
  }
  for (const label of ORDER) if (!at.has(label)) problems.push(`the heading "${heading(label)}" is missing: open a new issue from the "Status update" form rather than editing its text`);
  const starts = ORDER.filter((l) => at.has(l)).map((l) => [l, at.get(l)!] as const);
  const values: Record<string, string> = {};
  starts.forEach(([label, start], k) => {
    const end = k + 1 < starts.length ? starts[k + 1]![1] : lines.length;
    const value = lines.slice(start + 1, end).join('\n').trim();
    if (!value || value === '_No response_') return;
    if (label !== FREE && value.includes('\n')) problems.push(`"${label}" should be one line, but reads:\n${value}\nput longer text in "${FREE}"`);
    else values[label] = value;
  });
  const first = starts[0]?.[1] ?? lines.length;
  const before = lines.slice(0, first).join('\n').trim();
  if (before) problems.push(`text above "${heading(ORDER[0])}" would be lost:\n${before}\nput it in "${FREE}"`);
  return { values, problems };
}

/** The answers by label (problems aside), as the form's fields read them. */
export function parseIssueForm(body: string): Record<string, string> {
  return readIssueForm(body).values;
}

export type FormResult = { ok: true; mode: 'update' | 'resolve'; argv: string[] } | { ok: false; problems: string[] };

const STATUSES: readonly string[] = [...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES];
/** A folder name, a slug, or the start of either: what `candor update <incident>` accepts, and nothing that reads as a flag. */
const INCIDENT = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** Minutes, as the form asks: up to a day. */
const MINUTES = /^\d{1,4}$/;

/**
 * Every answer is checked against what it may be (an allow-list per field) before it reaches a command line, and
 * the command line cannot read an answer as an option: each value rides in its own `--flag=value` argument and
 * the incident comes after `--`. "--dry-run" typed as the incident is refused as an incident name, not obeyed.
 */
export function formToArgs(body: string, at: string): FormResult {
  const { values: f, problems } = readIssueForm(body);
  const incident = f[FIELDS.incident];
  const status = f[FIELDS.status];
  const message = f[FIELDS.message];
  const next = f[FIELDS.next];
  const loss = f[FIELDS.dataLoss];
  if (!incident) problems.push(`"${FIELDS.incident}" is empty: give the incident's folder name, e.g. 2026-11-23-card-payments`);
  else if (!INCIDENT.test(incident)) problems.push(`"${FIELDS.incident}" reads "${incident}", which is not an incident's folder name or slug: use lowercase letters, digits and dashes, e.g. 2026-11-23-card-payments`);
  if (!status) problems.push(`"${FIELDS.status}" is empty`);
  else if (!STATUSES.includes(status)) problems.push(`"${FIELDS.status}" reads "${status}": choose one of ${STATUSES.join(', ')}`);
  if (!message) problems.push(`"${FIELDS.message}" is empty: say what customers experience and what happens next`);
  if (next && !(MINUTES.test(next) && Number(next) >= 1 && Number(next) <= 1440)) problems.push(`"${FIELDS.next}" reads "${next}": give a number of minutes from 1 to 1440, e.g. 30`);
  if (loss && !(DATA_LOSS as readonly string[]).includes(loss)) problems.push(`"${FIELDS.dataLoss}" reads "${loss}": choose one of ${DATA_LOSS.join(', ')}`);
  if (problems.length) return { ok: false, problems };
  const final = status === 'resolved' || status === 'completed';
  const argv = ['--yes', `--body=${message}`, `--at=${at}`];
  if (!final) argv.push(`--status=${status}`);
  if (next && !final) argv.push(`--next-update=${next}`);
  if (loss && status === 'resolved') argv.push(`--data-loss=${loss}`);
  return { ok: true, mode: final ? 'resolve' : 'update', argv: [...argv, '--', incident!] };
}
