// What a build cost, for the deploy job's summary page: an owner sees at a glance how long an update took to
// reach each mirror and how much of the site it rendered again. GitHub Actions shows the Markdown a step appends
// to the file named by GITHUB_STEP_SUMMARY; elsewhere nothing is written.
import { appendFileSync } from 'node:fs';

export interface MirrorLine {
  id: string;
  pages: number;
  rendered: number;
  reused: number;
  /** Search bundles indexed again, of all the mirror's bundles. */
  searchIndexed: number;
  searchBundles: number;
  seconds: number;
  failed?: string;
}

export interface BuildSummary {
  seconds: number;
  /** Whether this build compiled the pages (a new version of the code) or reused the compiled app. */
  compiled: boolean;
  mirrors: MirrorLine[];
  /** Markdown on broken incidents published as their last valid version, or left out (lib/publishable.ts). */
  broken?: string;
}

export function summaryMarkdown(s: BuildSummary): string {
  const rows = s.mirrors.map((m) =>
    m.failed ? `| ${m.id} | failed: ${m.failed.split('\n')[0]!.replaceAll('|', '\\|')} | | | | |`
      : `| ${m.id} | ${m.pages} | ${m.rendered} | ${m.reused} | ${m.searchIndexed} of ${m.searchBundles} | ${m.seconds.toFixed(1)} s |`,
  );
  return [
    `### Candor build: ${s.seconds.toFixed(1)} s`,
    '',
    s.compiled ? 'The pages were compiled for this version of the code (kept for the next builds).' : 'The compiled pages of this version of the code were reused: only content changed.',
    '',
    '| mirror | pages | rendered | kept unchanged | search bundles indexed | time |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    ...(s.broken ? [s.broken] : []),
  ].join('\n');
}

/** Appends the summary to the job's summary page when running in GitHub Actions. */
export function writeJobSummary(s: BuildSummary, file = process.env.GITHUB_STEP_SUMMARY): void {
  if (file) appendFileSync(file, `${summaryMarkdown(s)}\n`);
}
