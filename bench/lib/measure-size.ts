// Everything measured for one history size N: generate, cold build, output, page weights, one-update rebuild.
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readConfig } from '../../site/model/load/config.ts';
import type { MirrorConfig } from '../../site/model/schema/config.ts';
import { mirrorLocales, pageFile } from '../../site/lib/urls.ts';
import { DEFAULTS } from '../generate/index.ts';
import { writeSite } from '../generate/write.ts';
import { candorBuild, REPO, type BuildRun } from './build.ts';
import { addStats, largest, outputStats, type OutputStats } from './output.ts';
import { commitAll, postUpdate, recentOnly } from './scenario.ts';
import { trash } from './trash.ts';
import { keptDir } from '../../scripts/lib/kept-per-site.ts';
import { lighthouseScores, type LighthouseScore } from './lighthouse.ts';
import { weighPage, type PageWeight } from './weight.ts';
import { measureLivePreview, type LivePreviewRun } from './live-preview.ts';
import { compareWithCstate, type CstateOutcome } from './cstate-compare.ts';

export interface SizeResult {
  incidents: number;
  contentFiles: number;
  cold: BuildRun;
  output: OutputStats & { mirrors: Record<string, OutputStats> };
  pagesPerSecond: number;
  /** One update on the open incident, over an output with a spare: the median of STEADY such rebuilds. */
  rebuild: BuildRun;
  /** The seconds of each of those rebuilds. */
  rebuildRuns: number[];
  /** The first rebuild after the cold build, which has no spare yet. */
  firstRebuild: BuildRun;
  pages: {
    home: PageWeight;
    /** The heaviest home page among every mirror and language. */
    heaviestHome: PageWeight;
    /** The page of the incident under way, the one readers open during an outage. */
    openIncident: PageWeight;
    /** The heaviest incident page of any mirror and language. */
    heaviestIncident: PageWeight;
    history: PageWeight;
  };
  /** Whether the home page is byte for byte the same when the history is cut to its last months. */
  homeIndependentOfHistory: boolean;
  /** Lighthouse (mobile) on home, the open incident and History of every mirror; empty when not audited. */
  lighthouse: LighthouseScore[];
  /** A cold build of one mirror in one language (the global one, English only), into an empty folder. */
  oneMirror: BuildRun;
  /** `candor preview` on this history: start, and one saved update to visible. */
  livePreview: LivePreviewRun;
  /** The same history built by cState on Hugo and by Candor (one mirror, one language); absent when not asked for. */
  cstate?: CstateOutcome;
}

export interface SizeOptions {
  incidents: number;
  seed: number;
  /** Where the generated sites and their output go. */
  work: string;
  log: (line: string) => void;
  /** Run Lighthouse on this size's output (slow: about 30 s a page). */
  lighthouse?: boolean;
  /** Lighthouse runs per page; the median run scores it. */
  lighthouseRuns?: number;
  /** Also build this history as a cState site with Hugo, and time it against Candor. */
  cstate?: boolean;
}

/** Rebuilds after the first, each after one more update: the budget takes their median. */
const STEADY = 3;

const urlOf = (mirror: MirrorConfig, file: string) => new URL(file.replace(/index\.html$/, ''), mirror.url.endsWith('/') ? mirror.url : `${mirror.url}/`).href;

export async function measureSize(o: SizeOptions): Promise<SizeResult> {
  const dir = join(o.work, `n${o.incidents}`);
  const root = join(dir, 'site');
  const out = join(dir, 'dist');
  trash.discard(dir);
  const now = DEFAULTS.now;
  const generated = await writeSite(root, join(REPO, 'candor.config.yaml'), { incidents: o.incidents, seed: o.seed, now, years: DEFAULTS.years });
  commitAll(root, 'The generated history');
  // Cold means a first build: nothing kept from an earlier run of the benchmark on the same folder either.
  for (const kind of ['folders', 'bodies', 'lint']) rmSync(keptDir(kind, resolve(root)), { recursive: true, force: true });
  const { config } = await readConfig(root);
  const mirrors = config!.mirrors;
  o.log(`N=${o.incidents}: ${Object.keys(generated.files).length} content files; cold build of ${mirrors.length} mirrors…`);

  // A cold build: no previous output, so nothing can be reused.
  const cold = await candorBuild(root, out, now);
  const perMirror = Object.fromEntries(mirrors.map((m) => [m.id, outputStats(join(out, m.id))]));
  const output = { ...addStats(Object.values(perMirror)), mirrors: perMirror };
  o.log(`  ${cold.seconds.toFixed(1)} s, ${output.pages} pages; weighing pages…`);

  const primary = mirrors[0]!;
  const homes = mirrors.flatMap((m) => mirrorLocales(m).map((locale) => ({ m, file: pageFile(m, locale, '') })));
  const weighHome = ({ m, file }: { m: MirrorConfig; file: string }) => weighPage(join(out, m.id), file, urlOf(m, file));
  const homeWeights = homes.map(weighHome);
  const heaviestIncident = mirrors
    .flatMap((m) => largest(join(out, m.id), /(^|\/)incidents\/[^/]+\/index\.html$/).slice(0, 1).map((f) => ({ m, ...f })))
    .sort((a, b) => b.bytes - a.bytes)[0]!;
  const openFile = pageFile(primary, primary.locale, `incidents/${generated.openIncident}/`);
  const historyFile = pageFile(primary, primary.locale, 'history/');
  const pages = {
    home: homeWeights[0]!,
    heaviestHome: homeWeights.toSorted((a, b) => b.criticalGzip - a.criticalGzip)[0]!,
    openIncident: weighPage(join(out, primary.id), openFile, urlOf(primary, openFile)),
    heaviestIncident: weighPage(join(out, heaviestIncident.m.id), heaviestIncident.file, urlOf(heaviestIncident.m, heaviestIncident.file)),
    history: weighPage(join(out, primary.id), historyFile, urlOf(primary, historyFile)),
  };

  const lighthouse = o.lighthouse
    ? await lighthouseScores(out, mirrors, { home: '', 'open incident': `incidents/${generated.openIncident}/`, history: 'history/' }, o.log, o.lighthouseRuns)
    : [];

  // The same recent months without the long history must give the same home page.
  const recent = join(dir, 'recent');
  recentOnly(root, join(recent, 'site'), now, config!.uptime.days + 30);
  await candorBuild(join(recent, 'site'), join(recent, 'dist'), now, ['--mirror', primary.id]);
  const homeIndependentOfHistory = readFileSync(join(recent, 'dist', primary.id, 'index.html')).equals(readFileSync(join(out, primary.id, 'index.html')));
  trash.discard(recent);

  // The smallest real site: one mirror in one language (the global mirror serves English only), cold.
  const oneOut = join(dir, 'one-mirror');
  const oneMirror = await candorBuild(root, oneOut, now, ['--mirror', primary.id]);
  trash.discard(oneOut);
  o.log(`  one mirror, one language: ${oneMirror.seconds.toFixed(1)} s`);
  // Before the live preview and the rebuild add updates: both sides build the generated history as it is.
  const cstate = o.cstate ? await compareCstate(root, dir, now, o.log) : undefined;
  o.log('  live preview…');
  const livePreview = await measureLivePreview(root, generated.openIncident, now);
  o.log(`  live preview: started in ${livePreview.startSeconds.toFixed(1)} s, edit visible in ${livePreview.editToVisibleSeconds.toFixed(2)} s`);
  // The live preview's edits are not part of the history the rebuild measures.
  for (const f of livePreview.files) rmSync(f);

  // The outage case: one more update on the open incident, built a few minutes later over the previous output.
  // The first rebuild after the cold build has no spare yet (scripts/lib/staging.ts); every later one has, as in
  // the deploy workflow, whose cache keeps dist/ whole. So STEADY more updates follow, and their median is the
  // figure of the budget; the first is reported beside it.
  o.log('  rebuilding after one update…');
  const runs: BuildRun[] = [];
  let at = now;
  for (let i = 0; i <= STEADY; i++) {
    at = postUpdate(root, generated.openIncident, at);
    commitAll(root, 'One more update');
    runs.push(await candorBuild(root, out, at));
  }
  const [firstRebuild, ...steady] = runs as [BuildRun, ...BuildRun[]];
  const rebuild = steady.toSorted((a, b) => a.seconds - b.seconds)[Math.floor(steady.length / 2)]!;
  o.log(`  ${rebuild.seconds.toFixed(1)} s (median of ${steady.map((r) => r.seconds.toFixed(1)).join(', ')}; the first after the cold build ${firstRebuild.seconds.toFixed(1)} s)`);

  return {
    incidents: o.incidents,
    contentFiles: Object.keys(generated.files).length,
    cold,
    output,
    pagesPerSecond: output.pages / cold.seconds,
    rebuild,
    rebuildRuns: steady.map((r) => r.seconds),
    firstRebuild,
    pages,
    homeIndependentOfHistory,
    lighthouse,
    oneMirror,
    livePreview,
    ...(cstate ? { cstate } : {}),
  };
}

/** The cState comparison, or why it was skipped (said in the log as well). */
export async function compareCstate(root: string, dir: string, now: Date, log: (line: string) => void): Promise<CstateOutcome> {
  log('  against cState on Hugo (same history, one mirror, one language)…');
  const outcome = await compareWithCstate({ root, dir: join(dir, 'cstate'), now, log });
  trash.discard(join(dir, 'cstate'));
  log('skipped' in outcome ? `  cState comparison skipped: ${outcome.skipped}` : `  cState on Hugo ${outcome.cstate.seconds.toFixed(1)} s, Candor ${outcome.candor.seconds.toFixed(1)} s: × ${outcome.ratio.toFixed(1)}`);
  return outcome;
}
