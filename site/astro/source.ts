// The site a dev server (or a plain `astro build`) hands its pages: read by the pure model (model/load), made into
// the same snapshot `candor build` hands its render workers, and, in dev, read again when the content changes — a
// saved update, incident, translation, announcement or config — keeping the folders that did not change parsed.
// A mistake is reported in the terminal and on the page while the last good content stays served.
import { join, relative, sep } from 'node:path';
import { formatError, formatErrors, type ContentError } from '../model/errors.ts';
import { INCIDENTS_DIR } from '../model/load/index.ts';
import { knownBlobs } from '../model/load/git-blobs.ts';
import { MONITORING_DIR } from '../model/load/measurements.ts';
import { loadValidParts, withPreviousParts } from '../model/load/partial.ts';
import type { Site } from '../model/site.ts';
import type { FolderResult } from '../model/load/folder.ts';
import { carriedOver } from '../model/carried-over.ts';
import { serializeSnapshot } from '../model/snapshot.ts';
import { renderProse, type ProseTable } from '../model/prose.ts';
import { handOver, type CandorOptions, type CandorRun } from './options.ts';

/** Content that is watched, relative to the content root; anything else saved there does not reload. */
export const WATCHED = [INCIDENTS_DIR, 'announcements', MONITORING_DIR, 'candor.config.yaml'];

export interface Watcher {
  add(paths: string[]): unknown;
  on(event: 'all', listener: (event: string, path: string) => void): unknown;
}

export class SiteSource {
  readonly options: CandorOptions;
  /** Folders read by the previous load, by content: after a save, only the folder that changed is parsed again. */
  #folders = new Map<string, FolderResult>();
  #lastGood?: Uint8Array;
  /** Bodies rendered by the previous load: after a save, only new or edited ones are rendered again. */
  #prose: ProseTable = new Map();
  /** The site last handed to the pages: a part broken by a save stays as it was here (issue 27). */
  #shown?: Site;
  /** The reload waiting or running, if any (dev). */
  #pending?: Promise<void>;
  /** The problems of the last load. */
  problems: ContentError[] = [];

  constructor(options: CandorOptions) {
    this.options = options;
  }

  /** Reads the content and hands the pages the result; the problems, if any, with the last good content. */
  async load(): Promise<ContentError[]> {
    const now = this.options.now ? new Date(this.options.now) : new Date();
    // Folders are keyed as `candor build` keys them: by the ids git vouches for, reading only the other files
    // (model/load/git-blobs.ts), not every file of the history after each save. Edit to visible at 5,000
    // incidents × 0.85; at 1,000 the two git processes cost what the reading did.
    const folders = Object.assign(carriedOver(this.#folders), { known: await knownBlobs(this.options.root, INCIDENTS_DIR) });
    const loaded = await loadValidParts(this.options.root, { now, folders });
    this.#folders = folders.used;
    // A broken incident or announcement stays as it last loaded, and everything else stays live; a broken config
    // keeps the whole last good site.
    const problems = loaded.ok ? loaded.broken.flatMap((b) => b.errors) : loaded.errors;
    if (loaded.ok) {
      this.#shown = withPreviousParts(loaded.site, this.#shown, loaded.broken);
      this.#prose = renderProse(this.#shown, this.#prose);
      this.#lastGood = serializeSnapshot({ site: this.#shown, prose: this.#prose });
    }
    const run: CandorRun = { mirror: this.options.mirror, now: now.toISOString(), snapshot: this.#lastGood ?? new Uint8Array(), problems };
    handOver(run);
    this.problems = problems;
    return problems;
  }

  /** Whether the pages have content to render: false only while the content has never loaded (a broken config). */
  get hasContent(): boolean {
    return this.#lastGood !== undefined;
  }

  /** For a build: the content must load without problems, or nothing is built. */
  async loadOrThrow(): Promise<void> {
    const problems = await this.load();
    if (problems.length) throw new Error(`the content has problems:\n${formatErrors(problems)}`);
  }

  /**
   * Resolves once no reload is waiting or running: the dev server holds a page request until then, so the first
   * request after a save shows what was saved (a fixed file, no stale problem), never the load before it.
   */
  settled(): Promise<void> {
    return this.#pending ?? Promise.resolve();
  }

  /** In dev: load again when watched content changes (editors save in bursts, hence the pause), then `reloaded`. */
  watch(watcher: Watcher, log: { info(m: string): void; error(m: string): void }, reloaded: () => void): void {
    const root = this.options.root;
    watcher.add(WATCHED.map((p) => join(root, p)));
    let timer: NodeJS.Timeout | undefined;
    let done: (() => void) | undefined;
    /** Saves seen so far: a load settles the wait only when no save came after the one that started it. */
    let saves = 0;
    watcher.on('all', (_event, path) => {
      const rel = relative(root, path);
      if (!WATCHED.some((w) => rel === w || rel.startsWith(w + sep))) return;
      clearTimeout(timer);
      this.#pending ??= new Promise<void>((resolve) => (done = resolve));
      const save = ++saves;
      timer = setTimeout(async () => {
        try {
          const problems = await this.load();
          if (problems.length) log.error(`the content has problems; what they are in stays as it last loaded until they are fixed:\n${problems.map(formatError).join('\n')}`);
          else log.info('content loaded');
          reloaded();
        } finally {
          // A save during this load scheduled another: requests wait for that one too.
          if (save === saves) {
            this.#pending = undefined;
            done?.();
          }
        }
      }, 30);
    });
  }
}
