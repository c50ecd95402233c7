// The Candor content loader: Astro's content layer holding the site the pure model loads (model/load), with the
// model's validation and its all-at-once error report. Three collections share one load: `incidents`,
// `announcements` and `site` (the config, the languages, the drafts and, in dev, the content's problems).
//
// Under `candor build` the content was loaded and validated once by the CLI, and the pages read that snapshot
// (lib/data.ts; measured faster than the store), so the loader stores nothing. Under `astro dev`, `candor preview`
// and `astro build` it reads the files; in dev it watches them too: a saved update, incident, translation,
// announcement or config change reaches the open page without a restart, and a mistake is reported in the
// terminal and on the page while the last good content stays served.
import type { Loader, LoaderContext } from 'astro/loaders';
import { join, relative, sep } from 'node:path';
import { formatError, formatErrors, type ContentError } from '../model/errors.ts';
import { INCIDENTS_DIR } from '../model/load/index.ts';
import { loadValidParts, withPreviousParts } from '../model/load/partial.ts';
import type { FolderResult } from '../model/load/folder.ts';
import { carriedOver } from '../model/load/folder-cache.ts';
import type { Site } from '../model/site.ts';
import type { CandorOptions } from './options.ts';

export type Collection = 'incidents' | 'announcements' | 'site';

/** What the `site` collection's entry `site` holds. */
export type SiteEntry = Pick<Site, 'root' | 'config' | 'locales' | 'drafts'> & {
  /** Entries in the other collections: an empty one is not asked for (Astro warns of empty collections in dev). */
  counts: { incidents: number; announcements: number };
};
/** What its entry `problems` holds: in dev, the content's problems, shown on every page (a build stops on them). */
export type ProblemsEntry = { problems: ContentError[] };

/** Content the loader watches, relative to the content root; anything else saved there does not reload. */
const WATCHED = [INCIDENTS_DIR, 'announcements', 'candor.config.yaml'];

/** A site with problems: its broken parts as they last loaded (dev), everything else live. */
type Loaded = { site: Site; problems?: ContentError[] } | { site?: undefined; problems: ContentError[] };

/**
 * One load shared by the three collections of a sync: the content layer runs their loaders side by side, and the
 * content is read once for all of them. A change seen by the watcher starts the next generation.
 */
class SharedLoad {
  #current?: Promise<Loaded>;
  #resyncs = new Map<Collection, () => Promise<void>>();
  #watching = false;
  readonly options: CandorOptions;

  constructor(options: CandorOptions) {
    this.options = options;
  }

  get(): Promise<Loaded> {
    return (this.#current ??= this.#read());
  }

  /** Folders read by the previous load, by content: after a save, only the folder that changed is parsed again. */
  #folders = new Map<string, FolderResult>();
  /** The site last handed to the pages: a part broken by a save stays as it was here (issue 27). */
  #shown?: Site;

  async #read(): Promise<Loaded> {
    const { root } = this.options;
    const now = this.options.now ? new Date(this.options.now) : new Date();
    const folders = carriedOver(this.#folders);
    const loaded = await loadValidParts(root, { now, folders });
    this.#folders = folders.used;
    if (!loaded.ok) return { problems: loaded.errors };
    this.#shown = withPreviousParts(loaded.site, this.#shown, loaded.broken);
    return { site: this.#shown, problems: loaded.broken.length ? loaded.broken.flatMap((b) => b.errors) : undefined };
  }

  /** In dev: reload every collection when watched content changes (editors save in bursts, hence the pause). */
  watch(ctx: LoaderContext, collection: Collection, resync: () => Promise<void>): void {
    this.#resyncs.set(collection, resync);
    const watcher = ctx.watcher;
    if (!watcher || this.#watching) return;
    this.#watching = true;
    const root = this.options.root;
    watcher.add(WATCHED.map((p) => join(root, p)));
    let timer: NodeJS.Timeout | undefined;
    watcher.on('all', (_event, path) => {
      const rel = relative(root, path);
      if (!WATCHED.some((w) => rel === w || rel.startsWith(w + sep))) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        this.#current = undefined;
        for (const r of this.#resyncs.values()) void r();
      }, 30);
    });
  }
}

const shared = new Map<string, SharedLoad>();

function sharedLoad(options: CandorOptions): SharedLoad {
  const key = JSON.stringify(options);
  let s = shared.get(key);
  if (!s) shared.set(key, (s = new SharedLoad(options)));
  return s;
}

/** The loader of one of the three collections. */
export function candorLoader(collection: Collection, options: CandorOptions): Loader {
  const load = sharedLoad(options);
  return {
    name: `candor:${collection}`,
    load: async (ctx) => {
      // `candor build` hands the pages its snapshot directly (lib/data.ts): storing the site again costs time.
      if (load.options.snapshot) return;
      const sync = async () => {
        const loaded = await load.get();
        // In dev, problems in some incidents leave the rest live (`site` is set); without a site nothing loaded.
        if (!loaded.site || (loaded.problems && !ctx.watcher)) {
          const problems = loaded.problems ?? [];
          // A build must not publish content that failed validation; in dev the last good content stays up.
          if (!ctx.watcher) throw new Error(`the content has problems:\n${formatErrors(problems)}`);
          if (collection === 'site') {
            ctx.logger.error(`the content has problems; the last good version stays served until they are fixed:\n${problems.map(formatError).join('\n')}`);
            ctx.store.set({ id: 'problems', data: { problems } satisfies ProblemsEntry });
          }
          return;
        }
        if (ctx.watcher && collection === 'site') {
          if (loaded.problems) ctx.logger.error(`the content has problems; what they are in stays as it was until they are fixed:\n${loaded.problems.map(formatError).join('\n')}`);
          else ctx.logger.info('content loaded');
        }
        replaceAll(ctx, [...entriesOf(collection, loaded.site), ...(ctx.watcher && collection === 'site' ? [{ id: 'problems', data: { problems: loaded.problems ?? [] } satisfies ProblemsEntry }] : [])]);
      };
      load.watch(ctx, collection, sync);
      await sync();
    },
  };
}

function entriesOf(collection: Collection, site: Site): { id: string; data: Record<string, unknown> }[] {
  switch (collection) {
    case 'incidents':
      return site.incidents.map((i) => ({ id: i.id, data: i as unknown as Record<string, unknown> }));
    case 'announcements':
      return site.announcements.map((a) => ({ id: a.id, data: a as unknown as Record<string, unknown> }));
    case 'site': {
      const counts = { incidents: site.incidents.length, announcements: site.announcements.length };
      const entry: SiteEntry = { root: site.root, config: site.config, locales: site.locales, drafts: site.drafts, counts };
      return [{ id: 'site', data: entry as unknown as Record<string, unknown> }];
    }
  }
}

/** Store exactly these entries; an entry whose digest is unchanged is left as it is. */
function replaceAll(ctx: LoaderContext, entries: { id: string; data: Record<string, unknown> }[]): void {
  const keep = new Set<string>();
  for (const e of entries) {
    keep.add(e.id);
    ctx.store.set({ id: e.id, data: e.data, digest: ctx.generateDigest(JSON.stringify(e.data)) });
  }
  for (const id of ctx.store.keys()) if (!keep.has(id)) ctx.store.delete(id);
}

