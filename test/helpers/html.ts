// Reads a built page and parses it, for assertions on what customers actually get.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export function page(siteDir: string, path: string): HTMLElement {
  const file = join(siteDir, path.endsWith('.html') ? path : join(path, 'index.html'));
  if (!existsSync(file)) throw new Error(`no page at ${path} (${file})`);
  return parse(readFileSync(file, 'utf8'));
}

/** Visible text with whitespace folded, block elements separated, as a reader would see it. */
export function text(el: HTMLElement | null | undefined): string {
  return (el?.structuredText ?? '').replace(/\s+/g, ' ').trim();
}
