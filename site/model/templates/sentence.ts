// Fits an answer into the sentence around its placeholder, the way a careful writer would: an answer typed as a
// sentence ("Downloading a PDF shows an error.") becomes a clause mid-sentence ("…, downloading a PDF shows an
// error."), a clause that starts a sentence gets its capital and its full stop, and no answer doubles the
// punctuation that follows it. Per language: German keeps its capitals (nouns), CJK has no case and its own stops.

export interface Around {
  /** Text of the template before the placeholder. */
  before: string;
  /** Text after it. */
  after: string;
  locale: string;
  /** Names (components, regions, providers) whose capitals are theirs, never a sentence's. */
  names?: readonly string[];
  /** Facts Candor fills itself (names, times): only a sentence start changes them. */
  fact?: boolean;
}

const CJK = /^(zh|ja|ko)/;
const STOP = /[.!?。！？]$/;
const END_MARK = /[.!?。！？…:"”»)）]$/;

export function fitAnswer(value: string, { before, after, locale, names = [], fact }: Around): string {
  let v = value.trim().replace(/[ \t]+/g, ' ');
  if (v === '') return v;
  const cjk = CJK.test(locale);
  const startsSentence = /(^|\n)[ \t]*$/.test(before) || /[.!?]\s+$/.test(before) || /[。！？]\s*$/.test(before);
  const followedByMark = /^[.!?,;:)。，；：！？）、]/.test(after);
  const endsParagraph = /^[ \t]*(\n|$)/.test(after);
  const nextSentence = /^[ \t]+\p{Lu}/u.test(after);

  if (followedByMark) v = v.replace(/[.。!！?？]+$/, '');
  else if (startsSentence && (endsParagraph || nextSentence) && !END_MARK.test(v) && !fact) v += cjk ? '。' : '.';
  else if (!startsSentence && !endsParagraph && STOP.test(v) && !/\.\.$/.test(v)) v = v.replace(/[.。]$/, '');

  if (startsSentence) return upperFirst(v, locale);
  if (fact || cjk || locale.startsWith('de')) return v;
  return ownCapital(v, names) ? v : lowerFirst(v, locale);
}

/** "Downloading" is a sentence's capital; "API", "Europe" (a configured name) or "iPhone" are the word's own. */
function ownCapital(v: string, names: readonly string[]): boolean {
  const word = /^[\p{L}\p{N}'’-]+/u.exec(v)?.[0] ?? '';
  if (!/^\p{Lu}\p{Ll}/u.test(word) || word.length < 2) return true;
  if (word === 'I') return true;
  return names.some((n) => v.toLowerCase().startsWith(n.toLowerCase()) && v.startsWith(n.slice(0, 1)));
}

function upperFirst(v: string, locale: string): string {
  const i = v.search(/\p{L}/u);
  if (i < 0 || i > 2) return v;
  return v.slice(0, i) + v[i]!.toLocaleUpperCase(locale) + v.slice(i + 1);
}

function lowerFirst(v: string, locale: string): string {
  return v[0]!.toLocaleLowerCase(locale) + v.slice(1);
}

/** "API, Website and Webhooks" in each language's own way ("API, Website et Webhooks", "API、网站和 Webhooks"). */
export function joinList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }).format(items);
}
