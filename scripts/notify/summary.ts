// What a run did, in Markdown for the workflow summary ($GITHUB_STEP_SUMMARY) and in text for the log. Whatever
// was not delivered is listed one by one: a re-run of the workflow sends exactly those.
import type { NotifyReport } from './run.ts';

const short = (sha: string) => sha.slice(0, 7);

export function summaryMarkdown(r: NotifyReport): string {
  const lines = [`## Notifications${r.dryRun ? ' (dry run: nothing was sent)' : ''}`, ''];
  lines.push(`Commits ${short(r.range.since)}..${short(r.range.until)}: ${r.events.length} new update(s).`, '');
  if (r.results.length) {
    lines.push('| Channel | Update | Result |', '|---|---|---|');
    for (const x of r.results) lines.push(`| ${x.channel} | \`${x.update}\`${x.to ? ` (${x.to})` : ''} | ${RESULT_TEXT[x.result]}${x.detail ? `: ${x.detail.replace(/\|/g, '\\|')}` : ''} |`);
    lines.push('');
  }
  for (const w of r.websub) lines.push(`- WebSub ${w.ok ? 'ping sent' : `ping failed: ${w.detail}`} for ${w.feed}`);
  const missing = r.results.filter((x) => x.result === 'failed' || x.result === 'held');
  if (missing.length || r.websub.some((w) => !w.ok)) {
    lines.push('', `**Not delivered: ${missing.length} message(s).** Re-run this workflow once the cause is fixed; it sends exactly these and nothing twice.`);
  }
  const unsure = r.results.filter((x) => x.result === 'unsure').length;
  if (unsure) lines.push('', `**Unsure: ${unsure} message(s)** were about to be sent by an earlier attempt whose record was lost. They are not sent again; check the channels, and send any that did not arrive with \`candor notify --resend\`.`);
  if (missing.length || unsure || r.websub.some((w) => !w.ok)) {
    // reported above
  } else if (!r.dryRun) {
    lines.push('', `Everything was delivered; the ledger now starts from ${short(r.range.until)}.`);
  }
  return `${lines.join('\n')}\n`;
}

const RESULT_TEXT = { sent: '✅ sent', 'already-sent': '↩️ already sent', failed: '❌ failed', held: '⏸ not sent', preview: '👁 would send', reserved: '📝 reserved', unsure: '❓ unsure' } as const;
