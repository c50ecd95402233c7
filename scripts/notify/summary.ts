// What a run did, in Markdown for the workflow summary ($GITHUB_STEP_SUMMARY). Whatever was not delivered is
// listed one by one, with what actually works in GitHub Actions: failed ones are recorded and sent by the next run
// (a re-run of the job, or the next push); unsure ones wait for a person's word on the candor-ledger branch.
import { docsUrl } from '../../site/model/docs.ts';
import { messageName } from './ledger.ts';
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
    lines.push('', `**Not delivered: ${missing.length} message(s).** They are recorded as failed in the ledger, and the next run sends them (and nothing twice): once the cause is fixed, use *Re-run failed jobs* on this run, or push again.`);
  }
  const unsure = r.results.filter((x) => x.result === 'unsure');
  if (unsure.length) {
    lines.push(
      '',
      `**Unsure: ${unsure.length} message(s)** went out with no answer, or were about to be sent by an earlier attempt whose record was lost: each may have arrived, so none is sent again by itself, and the ledger's position waits. Check the channel, then record what you found on a checkout of the \`candor-ledger\` branch and push it:`,
      '',
      '```sh',
      `npx candor notify --ledger ../candor-ledger ${unsure.map((x) => `--arrived ${messageName(x)}`).join(' ')}`,
      '```',
      '',
      `Use \`--lost\` instead of \`--arrived\` for any that did not arrive: the next run sends those. Step by step: ${docsUrl('notifications')}`,
    );
  }
  if (missing.length || unsure.length || r.websub.some((w) => !w.ok)) {
    // reported above
  } else if (!r.dryRun) {
    lines.push('', `Everything was delivered; the ledger now starts from ${short(r.range.until)}.`);
  }
  return `${lines.join('\n')}\n`;
}

const RESULT_TEXT = { sent: '✅ sent', 'already-sent': '↩️ already sent', failed: '❌ failed', held: '⏸ not sent', preview: '👁 would send', reserved: '📝 reserved', unsure: '❓ unsure' } as const;
