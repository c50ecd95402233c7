// The "Status update" issue form, for posting from GitHub's mobile app: its answers become `candor update` flags,
// so the update is validated and linted exactly as one written at a laptop.

/** Labels of the form's fields (.github/ISSUE_TEMPLATE/status-update.yml), as they head the issue body. */
export const FIELDS = {
  incident: 'Incident',
  status: 'Status',
  message: 'Message to customers',
  next: 'Next update in (minutes)',
  dataLoss: 'Was any customer data lost?',
} as const;

/** GitHub renders an issue form as "### Label\n\nanswer" sections; unanswered optional fields read "_No response_". */
export function parseIssueForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  const parts = body.replace(/\r\n/g, '\n').split(/^### /m).slice(1);
  for (const part of parts) {
    const nl = part.indexOf('\n');
    const label = part.slice(0, nl).trim();
    const value = part.slice(nl + 1).trim();
    if (value && value !== '_No response_') out[label] = value;
  }
  return out;
}

export type FormResult = { ok: true; mode: 'update' | 'resolve'; argv: string[] } | { ok: false; problems: string[] };

export function formToArgs(body: string, at: string): FormResult {
  const f = parseIssueForm(body);
  const problems: string[] = [];
  const incident = f[FIELDS.incident];
  const status = f[FIELDS.status];
  const message = f[FIELDS.message];
  if (!incident) problems.push(`"${FIELDS.incident}" is empty: give the incident's folder name, e.g. 2026-11-23-card-payments`);
  if (!status) problems.push(`"${FIELDS.status}" is empty`);
  if (!message) problems.push(`"${FIELDS.message}" is empty: say what customers experience and what happens next`);
  if (problems.length) return { ok: false, problems };
  const final = status === 'resolved' || status === 'completed';
  const argv = [incident!, '--yes', '--body', message!, '--at', at];
  if (!final) argv.push('--status', status!);
  const next = f[FIELDS.next];
  if (next && !final) argv.push('--next-update', next);
  const loss = f[FIELDS.dataLoss];
  if (loss && status === 'resolved') argv.push('--data-loss', loss);
  return { ok: true, mode: final ? 'resolve' : 'update', argv };
}
