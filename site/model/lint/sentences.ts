// Finds the words of an idea in a text: its fixed phrases anywhere, and its word groups when all of them occur
// in the same sentence. Returns each distinct wording once, so a rule reports an update once, listing them.
import type { Idea } from './ideas.ts';
import { matcher, normalize } from './words.ts';

export interface Hit {
  /** The words as written, e.g. "sorry … inconvenience". */
  words: string;
  /** Offset in the text of the first word, to point at its line. */
  index: number;
}

const CJK = /^(zh|ja|ko)/;

/**
 * Full-width punctuation read as its ASCII twin (one character for one, so offsets hold), so "不便，敬请谅解" and
 * "不便,敬请谅解" are the same sentence to the patterns.
 */
export function readable(text: string): string {
  return normalize(text).replace(/[，、。！？；：（）\u3000]/g, (c) => ({ '，': ',', '、': ',', '。': '.', '！': '!', '？': '?', '；': ';', '：': ':', '（': '(', '）': ')', '\u3000': ' ' })[c]!);
}

/** Sentences with their offsets: CJK sentences end at their full stop, others at a stop before a space. */
function sentences(text: string, locale: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const end = CJK.test(locale) ? /[.!?;]+|\n+/g : /[.!?;]+(?=\s|$)|\n+/g;
  let start = 0;
  for (const m of text.matchAll(end)) {
    out.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), start });
  return out;
}

export function findIdea(text: string, locale: string, idea: Idea, extra: string[] = []): Hit[] {
  const plain = readable(text);
  const hits: Hit[] = [];
  const phrases = matcher([...idea.phrases, ...extra], locale);
  if (phrases) for (const m of plain.matchAll(phrases)) hits.push({ words: m[0], index: m.index });
  for (const groups of idea.together) {
    const res = groups.map((g) => matcher(g, locale)!);
    for (const s of sentences(plain, locale)) {
      const found = res.map((re) => [...s.text.matchAll(re)][0]);
      if (found.some((m) => !m)) continue;
      const ordered = (found as RegExpMatchArray[]).sort((a, b) => a.index! - b.index!);
      if (hits.some((h) => h.index >= s.start && h.index < s.start + s.text.length)) continue;
      hits.push({ words: ordered.map((m) => m[0]).join(' … '), index: s.start + ordered[0]!.index! });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** Distinct wordings, case-insensitively, in order of appearance, quoted for a message. */
export function listWords(hits: Hit[]): string {
  const seen = new Map<string, string>();
  for (const h of hits) if (!seen.has(h.words.toLowerCase())) seen.set(h.words.toLowerCase(), h.words);
  return [...seen.values()].map((w) => `"${w}"`).join(', ');
}
