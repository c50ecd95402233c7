// `candor build`: validate, then build each mirror into dist/<mirror>/, replacing a mirror's output only on success.
import { join, resolve } from 'node:path';
import { mirrorLocales } from '../../site/lib/urls.ts';
import { formatError } from '../../site/model/errors.ts';
import { formatText, lint, unfilledSlots } from '../../site/model/lint/index.ts';
import { keptFindings } from '../lib/lint/kept.ts';
import { nowOf, parse, rootOf } from '../lib/args.ts';
import { buildMirror } from '../lib/build-mirror.ts';
import { CliError } from '../lib/cli-error.ts';
import { loadOrFail } from '../lib/load.ts';
import { fallbacksMarkdown, formatFallbacks, loadPublishable } from '../lib/publishable.ts';
import { checkIdentityFiles } from '../lib/identity-files.ts';
import { closeSearch, searchProcesses } from '../lib/search-index.ts';
import { codeDigest } from '../lib/reuse.ts';
import { contentKept, openContentCache } from '../lib/content-cache.ts';
import { knownBlobs } from '../../site/model/load/git-blobs.ts';
import { INCIDENTS_DIR } from '../../site/model/load/index.ts';
import type { FolderCache } from '../../site/model/load/folder-cache.ts';
import { reportSpan, span } from '../lib/timings.ts';
import type { Site } from '../../site/model/site.ts';
import { serializeSnapshot } from '../../site/model/snapshot.ts';
import { compiledApp } from '../lib/render/compile.ts';
import { renderPool } from '../lib/render/pool.ts';
import { shareProse } from '../lib/render/prose-thread.ts';
import { writeJobSummary, type MirrorLine } from '../lib/build-summary.ts';
import { listOutputs, type OutputListing } from '../lib/output-listing.ts';
import { deployedOnExampleClock, siteMoment } from '../../site/model/example-clock.ts';
import { knownList } from '../../site/model/suggest.ts';

const HELP = `Usage: candor build [--mirror ID]... [--out DIR] [--strict] [--full] [--root DIR] [--now TIMESTAMP]

Validates the content, then builds each mirror into <out>/<mirror id>/ (default out: dist).
An incident folder or announcement with problems does not stop the build: its last valid committed version is
published instead (or it is left out when none is), and the log names its files and fixes. A broken
candor.config.yaml stops the build.
A mirror's previous output is replaced only when its new build succeeded. Lint findings are printed; they
stop the build only with --strict, so a late update can always be published — except unfilled {{placeholders}},
which never are: finish the text, or mark the file "draft: true" (drafts are never published). Pages of past incidents and
months that have not changed since the previous build into the same folder are reused, not rendered again.

  --mirror ID   build only this mirror (repeatable); default: every mirror in the config
  --out DIR     where mirror folders go (default: dist)
  --strict      fail on any content problem and when the linter finds errors (pull-request checks use this)
  --full        render every page, reusing nothing from the previous output
  --root DIR    folder holding candor.config.yaml and incidents/ (default: .)
  --now TIME    build the site as of this moment (default: now), e.g. 2026-11-23T09:00:00Z`;

/** What a caller other than the command line may add: the tests inject faults into one mirror's build this way. */
export interface BuildDeps {
  /** Per mirror id, a module whose default export the render threads call with each path before rendering it. */
  faults?: Record<string, string>;
  /** The most render threads (default: one per core); one makes a single thread render every mirror in turn. */
  threads?: number;
  /** Render threads started at once (default: one fewer than `threads`, render/pool.ts says why). */
  firstThreads?: number;
}

export async function run(argv: string[], deps: BuildDeps = {}): Promise<number> {
  const { values } = parse(argv, { mirror: { type: 'string', multiple: true }, out: { type: 'string', default: 'dist' }, strict: { type: 'boolean', default: false }, full: { type: 'boolean', default: false } });
  if (values.help) return console.log(HELP), 0;
  const root = rootOf(values.root);
  const clock = nowOf(values.now);
  const started = performance.now();
  // What is on disk already is listed while the content loads: it does not depend on it (scripts/lib/output-listing.ts).
  const listings = values.full ? new Map<string, OutputListing>() : listOutputs(resolve(values.out));
  // So is what git knows of the incident files: those it vouches for are not read to tell which folders changed.
  // A first build reads and parses every folder whatever git says, so it does not ask.
  const gitKnows = contentKept(root) ? knownBlobs(root, INCIDENTS_DIR) : Promise.resolve(new Map<string, string>());
  const code = await span('digest the code', codeDigest);
  const cache = openContentCache(root, code, await span('ask git which incident files are unchanged', () => gitKnows));
  // Every body once, for every mirror and language; the previous build's are taken as they are. The new ones are
  // rendered on the other core as their folders are read (scripts/lib/render/prose-thread.ts).
  const bodies = shareProse(cache.prose);
  const folders: FolderCache = { known: cache.known, get: (key) => cache.get(key), set: (key, read) => (cache.set(key, read), read.incident && bodies.offer(read.incident)) };
  // A broken incident or announcement is published as its last valid committed version (or left out), said on
  // stderr; --strict (pull-request checks) refuses it as before (scripts/lib/publishable.ts).
  const { site, fallbacks } = await span('load and validate content', () => (values.strict ? loadOrFail(root, clock, folders).then((s) => ({ site: s, fallbacks: [] })) : loadPublishable(root, clock, folders)));
  if (fallbacks.length) console.error(`${formatFallbacks(fallbacks)}\n`);
  const bodiesFrom = performance.now();
  const prose = await bodies.finish(site);
  reportSpan(`render the bodies (${bodies.rendered} new, ${bodies.byThread} of them on a second thread, most while loading)`, performance.now() - bodiesFrom);
  await span(`keep ${cache.misses} folders read (${cache.hits} unchanged)`, () => cache.save(prose));
  const frozen = deployedOnExampleClock(site.config);
  if (frozen.length) throw new CliError(formatError({ file: 'candor.config.yaml', field: 'example_clock', message: `is set while mirror "${frozen[0]!.id}" deploys to ${frozen[0]!.deploy!.target}: a real site would show a frozen moment as if it were now`, fix: 'remove example_clock (it is for the shipped example only), or the deploy targets' }));
  const now = siteMoment(site.config, clock);
  if (site.config.example_clock) console.error(`example_clock: building the example as of ${now.toISOString()}, not the clock (see docs, "Status over time")`);
  checkIdentityFiles(root, site.config);
  // Every render thread (and so the linter) reads the content this process has already loaded, validated and
  // rendered, as one snapshot.
  const snapshot = await span('write the site snapshot', () => serializeSnapshot({ site, prose }));
  // A pull-request check (--strict) stops on the linter's errors, so it lints first. Any other build publishes
  // whatever the linter says, so one of the render threads lints while the others render, and it speaks at the end.
  if (values.strict) {
    const kept = keptFindings(root, code);
    const findings = await span('lint', () => lint(site, now, kept));
    kept.save();
    if (findings.length) console.error(`${formatText(findings)}\n`);
    if (findings.some((f) => f.severity === 'error')) throw new CliError('the linter found errors (--strict); nothing was built');
  }
  // Whatever the lint settings, a build that can be deployed never publishes unfilled template slots.
  const unfilled = unfilledSlots(site);
  if (unfilled.length) throw new CliError(`${unfilled.map((f) => `${f.line ? `${f.file}:${f.line}` : f.file}  ${f.message}`).join('\n')}\n  fix: write the words each placeholder stands for, or mark the file "draft: true" until it is ready\n\nunfilled placeholders would be published; nothing was built`);
  const known = site.config.mirrors.map((m) => m.id);
  for (const id of values.mirror ?? []) {
    if (!known.includes(id)) throw new CliError(formatError({ file: 'candor.config.yaml', field: '--mirror', message: `no mirror "${id}"`, fix: knownList(id, known) }), 2);
  }
  // The mirror with the most languages has the most pages: starting it first keeps one long build from running alone at the end.
  const mirrors = (values.mirror ?? known).toSorted((a, b) => localeCount(site, b) - localeCount(site, a));
  const out = resolve(values.out);
  // The pages' code is compiled once per code version and kept; content never goes into it.
  const app = await span('compile the pages (once per code version)', () => compiledApp(code));
  if (app.compiled) console.log('compiled the pages for this version of the code (kept for the next builds)');
  // Threads for the whole build (one per core but one, render/pool.ts): each loads the app and the site once and
  // renders every mirror in turn.
  const pool = renderPool({ entry: app.entry, now: now.toISOString(), snapshot }, { threads: deps.threads, first: deps.firstThreads });
  const linted = values.strict ? undefined : pool.lint({ root, code });
  // Settled early or late, a rejection is only reported where the findings are read.
  linted?.catch(() => {});
  const failures: string[] = [];
  const lines: MirrorLine[] = [];
  const removals: Promise<void>[] = [];
  // The threads end as soon as every mirror is rendered and the site linted, not when the last mirror is indexed
  // and swapped: each holds the whole site (at 5,000 incidents, most of the CLI's memory).
  let rendering = mirrors.length;
  const closePool = async () => {
    // The linter is one of the pool's tasks: it ends before the threads do.
    await linted?.catch(() => {});
    await pool.close();
  };
  searchProcesses.whileRendering();
  // A thread that cannot be stopped here is reported when the build closes the pool again at its end.
  const mirrorRendered = () => {
    if (--rendering === 0) closePool().then(searchProcesses.afterRendering, () => {});
  };
  // Every mirror at once: the render threads (render/pool.ts) keep to one per core, and while one mirror links,
  // indexes or swaps its output, the others render.
  await Promise.all(
    mirrors.map(async (id) => {
      const mirror = site.config.mirrors.find((m) => m.id === id)!;
      let told = false;
      const rendered = () => {
        if (told) return;
        told = true;
        mirrorRendered();
      };
      try {
        const r = await buildMirror({ site, mirror, now, out, app, pool, code, full: values.full, fault: deps.faults?.[mirror.id], listing: listings.get(mirror.id), deferRemoval: (r) => removals.push(r), rendered });
        const searchBundles = r.searchIndexed + r.searchKept;
        lines.push({ id: mirror.id, pages: r.pages, rendered: r.rendered, reused: r.reused, searchIndexed: r.searchIndexed, searchBundles, seconds: r.ms / 1000 });
        const reused = r.reused ? ` (${r.reused} unchanged, reused)` : '';
        const search = searchBundles ? `; search: ${r.searchIndexed} of ${searchBundles} bundles indexed` : '';
        console.log(`built ${mirror.id}: ${r.pages} pages in ${(r.ms / 1000).toFixed(1)} s, ${r.rendered} rendered${search} → ${join(values.out, mirror.id)}/${reused}`);
      } catch (e) {
        failures.push(mirror.id);
        lines.push({ id: mirror.id, pages: 0, rendered: 0, reused: 0, searchIndexed: 0, searchBundles: 0, seconds: 0, failed: (e as Error).message });
        console.error(`failed ${mirror.id}: ${(e as Error).message}\n  its previous output, if any, was left untouched`);
      } finally {
        // A mirror that failed before rendering.
        rendered();
      }
    }),
  ).finally(closePool);
  // Replaced outputs are deleted while the next mirrors build; the command ends when they are gone.
  await Promise.all(removals);
  await closeSearch();
  await span('wait for the linter', () => linted).then(
    (findings = []) => void (findings.length && console.error(`${formatText(findings)}\n`)),
    // The linter advises; a fault in it must not keep an update from being published.
    (e: Error) => console.error(`the linter could not run: ${e.message}\n  the pages were built without its advice; run \`candor lint\` to see what it says`),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`${mirrors.length - failures.length} of ${mirrors.length} mirror(s) built in ${seconds.toFixed(1)} s`);
  writeJobSummary({ seconds, compiled: app.compiled, mirrors: mirrors.map((id) => lines.find((l) => l.id === id)!), broken: fallbacksMarkdown(fallbacks) });
  return failures.length ? 1 : 0;
}

const localeCount = (site: Site, id: string) => mirrorLocales(site.config.mirrors.find((m) => m.id === id)!).length;
