// Fills a template's {{placeholders}}. `{{name?}}` is optional: left empty, its whole paragraph goes, so a
// message never shows an empty "Workaround:" line. A required one left empty is reported, never guessed.

import { fitAnswer } from './sentence.ts';

const PLACEHOLDER = /\{\{\s*([a-z_]+)(\?)?\s*\}\}/g;

export interface Variable {
  name: string;
  optional: boolean;
}

export function templateVariables(body: string): Variable[] {
  const seen = new Map<string, Variable>();
  for (const m of body.matchAll(PLACEHOLDER)) if (!seen.has(m[1]!)) seen.set(m[1]!, { name: m[1]!, optional: m[2] === '?' });
  return [...seen.values()];
}

export interface FillOptions {
  /** Language of the template: how answers are fitted into its sentences. */
  locale?: string;
  /** Placeholders Candor fills from facts (components, times): only a sentence start changes them. */
  facts?: readonly string[];
  /** Names whose capitals belong to them. */
  names?: readonly string[];
}

export function fillTemplate(body: string, values: Record<string, string | undefined>, options: FillOptions = {}): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const paragraphs = body.split(/\n{2,}/).filter((p) => {
    for (const m of p.matchAll(PLACEHOLDER)) if (m[2] === '?' && !values[m[1]!]?.trim()) return false;
    return true;
  });
  const text = paragraphs
    .join('\n\n')
    .replace(PLACEHOLDER, (whole, name: string, _optional: string | undefined, offset: number, all: string) => {
      const v = values[name]?.trim();
      if (v) return fitAnswer(v, { before: all.slice(0, offset), after: all.slice(offset + whole.length), locale: options.locale ?? 'en', names: options.names, fact: options.facts?.includes(name) });
      missing.add(name);
      return whole;
    })
    .trim();
  return { text, missing: [...missing] };
}

/** Placeholders left in text that customers would see. */
export function unfilledPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[0]);
}
