// Pagefind's Node API talks to one `pagefind --service` process per loaded copy of its module, and that process
// answers one request at a time: indexing two bundles at once through it takes as long as one after the other
// (measured on 2 cores, the 45 bundles of a five-language mirror at 1,000 incidents: 5.9–6.0 s with one, two or six
// requests in flight). The process spreads a single bundle's pages over the cores only part of the time, so a build
// runs one process per core, each its own copy of the module (the same file under another URL, which Node loads as
// a module of its own), and gives each bundle to the process with the fewest pages waiting: 4.3–4.6 s for the same
// bundles with two.
import { availableParallelism } from 'node:os';

type Pagefind = typeof import('pagefind');

interface Service {
  api: Promise<Pagefind>;
  /** Pages of the bundles given to it and not yet written. */
  pages: number;
}

/** One per core, at most four: past that, the processes only wait for the cores the render threads also use. */
export const SERVICES = Math.max(1, Math.min(availableParallelism(), 4));

const services: Service[] = [];

/**
 * How many of them may index now. Each holds the bundles it indexes in memory: while the render threads hold the
 * site, one process (its bundles one after another) kept the peak of a cold build at 5,000 incidents at 1,387 MiB,
 * where two reached 1,530 MiB. Once the threads have ended, every process indexes.
 */
let allowed = SERVICES;
export function allowServices(n: number): void {
  allowed = Math.max(1, Math.min(n, SERVICES));
}

/** The first process is the module's usual copy; the others are copies of the same file under another URL. */
const load = (i: number): Promise<Pagefind> => (i === 0 ? import('pagefind') : (import(`${import.meta.resolve('pagefind')}?service=${i}`) as Promise<Pagefind>));

/** Runs `work` with the Pagefind process that has the fewest pages waiting, starting one if fewer than allowed run. */
export async function withService<T>(pages: number, work: (pagefind: Pagefind) => Promise<T>): Promise<T> {
  const open = services.slice(0, allowed);
  let service = open.find((s) => s.pages === 0);
  if (!service && services.length < allowed) services.push((service = { api: load(services.length), pages: 0 }));
  service ??= open.reduce((a, b) => (b.pages < a.pages ? b : a));
  service.pages += pages;
  try {
    return await work(await service.api);
  } finally {
    service.pages -= pages;
  }
}

/** Stops every Pagefind process once every mirror is indexed, so the CLI can exit. */
export async function closeServices(): Promise<void> {
  const open = services.splice(0);
  await Promise.all(open.map(async (s) => (await s.api).close()));
}
