// What customers will see if a pull request merges: incidents touched, lint findings with file and line, and any
// postmortem it adds, ready to post as the PR's comment. Runs without secrets on the PR's own code.
import type { Finding } from '../../site/model/lint/index.ts';
import type { Site } from '../../site/model/site.ts';
import { timeline } from '../../site/model/timeline.ts';

export interface ChangedFile {
  status: 'A' | 'M' | 'D' | 'R';
  path: string;
}

export function prSummary(site: Site | undefined, findings: Finding[], changed: ChangedFile[], now: Date): string {
  const touched = new Set(changed.map((c) => /^incidents\/([^/]+)\//.exec(c.path)?.[1]).filter(Boolean));
  const mirror = site?.config.mirrors[0];
  const lines: string[] = ['### What customers will see', ''];
  if (!site) lines.push('The content does not load, so nothing can be built. The errors are listed below.', '');
  const incidents = site?.incidents.filter((i) => touched.has(i.id)) ?? [];
  if (incidents.length) {
    lines.push('| Incident | Status | Impact | Affects | Files |', '| --- | --- | --- | --- | --- |');
    for (const i of incidents) {
      const tl = timeline(i, site!.config, now);
      const files = changed.filter((c) => c.path.startsWith(`${i.dir}/`)).map((c) => `${c.status} \`${c.path.slice(i.dir.length + 1)}\``);
      const url = new URL(`incidents/${i.id}/`, mirror!.url).href;
      lines.push(`| [${cell(i.title)}](${url}) | ${tl.status} | ${i.impact ?? 'maintenance'} | ${tl.components.join(', ')} | ${files.join('<br>')} |`);
    }
    lines.push('');
  } else if (site) {
    lines.push('No incident or maintenance changes in this pull request.', '');
  }
  const deleted = [...touched].filter((id) => !incidents.some((i) => i.id === id));
  if (deleted.length) lines.push(`Removed from the page: ${deleted.map((d) => `\`${d}\``).join(', ')}`, '');

  const errors = findings.filter((f) => f.severity === 'error').length;
  lines.push(`### Lint: ${errors} error(s), ${findings.length - errors} warning(s)`, '');
  if (findings.length) {
    lines.push('| | File | Rule | Message | Fix |', '| --- | --- | --- | --- | --- |');
    for (const f of findings) lines.push(`| ${f.severity === 'error' ? '❌' : '⚠️'} | \`${f.file}${f.line ? `:${f.line}` : ''}\` | \`${f.rule}\` | ${cell(f.message)} | ${cell(f.fix)} |`);
    lines.push('');
  }

  for (const i of incidents.filter((x) => x.postmortem && changed.some((c) => c.path === x.postmortem!.file && c.status !== 'D'))) {
    lines.push(`### Postmortem: ${i.title}`, '', '<details open><summary>As it will be published</summary>', '', i.postmortem!.body, '', '</details>', '');
  }
  return lines.join('\n');
}

/** Text safe inside a Markdown table cell. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** `git diff --name-status` output, as changed files. */
export function parseNameStatus(output: string): ChangedFile[] {
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [status = '', ...paths] = line.split('\t');
      return { status: status[0] as ChangedFile['status'], path: paths.at(-1)! };
    });
}
