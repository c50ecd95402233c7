// The layout the architecture page promises, checked on the real import graph: the model is pure, imports
// point one way (scripts → site/astro → site/lib → site/model), and no two of our modules import each other
// in a circle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/paths.ts';

const SOURCE = /\.(ts|mjs|astro)$/;

function files(dir: string): string[] {
  return readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => SOURCE.test(f) && !f.endsWith('.d.ts') && statSync(join(REPO, f)).isFile());
}

/** Every module a file imports, statically or dynamically: repository paths for ours, names for packages. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(REPO, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specs.map((s) => (s.startsWith('.') ? relative(REPO, resolve(REPO, dirname(file), s)) : s));
}

const ours = ['site', 'scripts'].flatMap(files);
const graph = new Map(ours.map((f) => [f, importsOf(f)]));

describe('the import graph', () => {
  it('finds the modules it checks', () => {
    expect(ours.length).toBeGreaterThan(200);
    expect(graph.get('site/lib/data.ts')).toContain('virtual:candor/options');
  });

  it('follows our own imports', () => {
    const edges = [...graph.values()].flat().filter((d) => graph.has(d));
    expect(edges.length).toBeGreaterThan(500);
  });

  it('keeps site/model pure: nothing from Astro, the rest of the site (but the UI strings), or the scripts', () => {
    // site/i18n is data and plain functions, as pure as the model: the model may word things through it.
    const pure = (d: string) => d.startsWith('site/model/') || d.startsWith('site/i18n/');
    const wrong = [...graph]
      .filter(([f]) => f.startsWith('site/model/') || f.startsWith('site/i18n/'))
      .flatMap(([f, deps]) => deps.filter((d) => /^(astro|virtual:)/.test(d) || (!pure(d) && /^(site|scripts|bench|test)\//.test(d))).map((d) => `${f} → ${d}`));
    expect(wrong).toEqual([]);
  });

  it('never imports upward: the site never from scripts, neither from tests or the benchmark', () => {
    const wrong = [...graph].flatMap(([f, deps]) => deps.filter((d) => /^(bench|test)\//.test(d) || (f.startsWith('site/') && d.startsWith('scripts/'))).map((d) => `${f} → ${d}`));
    expect(wrong).toEqual([]);
  });

  it('has no circles', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') return void circles.push([...path.slice(path.indexOf(f)), f].join(' → '));
      state.set(f, 'open');
      for (const d of graph.get(f) ?? []) if (graph.has(d)) visit(d, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(circles).toEqual([]);
  });
});
