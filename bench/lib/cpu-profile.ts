// Summarises a V8 .cpuprofile (from `node --cpu-prof`): where the self time went, per function and per
// package or source file, so the hot spots are read from a measurement rather than guessed.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: HotSpot[];
  /** Self time per npm package, or per project file for our own code. */
  modules: HotSpot[];
  /** Inclusive time of our own functions (site/, scripts/): what a change in our code can win. */
  ownInclusive: HotSpot[];
}

/** `node_modules/@astrojs/foo/…` → `@astrojs/foo`; `/repo/site/lib/view.ts` → `site/lib/view.ts`. */
function moduleOf(url: string): string {
  if (!url) return '(native / GC / idle)';
  // Astro bundles the site's pages and site/ modules into chunks in the build's work folder.
  const chunk = /\.(?:candor-build-\w+|prerender)\/(.*)$/.exec(url);
  if (chunk) return `site, bundled (${chunk[1]!.split('/').pop()})`;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 13).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.startsWith('node:')) return 'node (built-in)';
  const own = /\/(site|scripts|bench)\/.*$/.exec(url);
  return own ? own[0].slice(1).replace(/\?.*$/, '') : url.replace(/^file:\/\//, '');
}

const isOwn = (url: string) => /\.(candor-build-\w+|prerender)\//.test(url) || (!url.includes('node_modules') && /\/(site|scripts)\//.test(url));

export function summarise(file: string, top = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);

  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  const own = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    add(functions, `${functionName || '(anonymous)'} ${moduleOf(url)}:${lineNumber + 1}`, ms);
    add(modules, moduleOf(url), ms);
    // Inclusive time: charge each of our own frames on the stack once per sample.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (!isOwn(f.url)) continue;
      const key = `${f.functionName || '(anonymous)'} ${moduleOf(f.url)}:${f.lineNumber + 1}`;
      if (!seen.has(key)) (seen.add(key), add(own, key, ms));
    }
  }
  const rank = (map: Map<string, number>): HotSpot[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: Math.round((ms / totalMs) * 1000) / 10 }));
  return { totalMs: Math.round(totalMs), functions: rank(functions), modules: rank(modules), ownInclusive: rank(own) };
}

// `node bench/lib/cpu-profile.ts <file.cpuprofile>…`, e.g. after
// `NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" npx candor build …` (one profile per process).
if (import.meta.main) {
  for (const file of process.argv.slice(2)) {
    const s = summarise(file, 18);
    console.log(`${file}: ${(s.totalMs / 1000).toFixed(1)} s sampled`);
    for (const [title, spots] of [['self time by package or file', s.modules], ['inclusive time of our own functions', s.ownInclusive], ['self time by function', s.functions]] as const) {
      console.log(`\n${title}:`);
      for (const h of spots) console.log(`${String(h.ms).padStart(7)} ms ${h.share.toFixed(1).padStart(5)}%  ${h.name}`);
    }
  }
}
