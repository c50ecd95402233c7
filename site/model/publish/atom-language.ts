// The language of an Atom feed. The `feed` library writes RSS's <language> but drops it from Atom, whose way to
// say it is xml:lang on <feed> (RFC 4287 §2): without it a reader guesses, and screen readers may read German
// entries with English rules.
import { escapeHtml } from '../html.ts';

const FEED_OPEN = '<feed xmlns="http://www.w3.org/2005/Atom">';

export function withAtomLanguage(atom: string, locale: string): string {
  // Fail loudly if the library's output changes shape, rather than ship feeds without a language again.
  if (!atom.includes(FEED_OPEN)) throw new Error(`Atom feed: expected ${FEED_OPEN} to add xml:lang="${locale}"`);
  return atom.replace(FEED_OPEN, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(locale)}">`);
}
