// Picks prose in the reader's language, falling back to the original — never to nothing.
import { closestLocale, sameLanguage } from './language.ts';
import type { Translation } from './site.ts';

export interface LocalizedProse {
  /** Markdown to render. */
  body: string;
  title?: string;
  /** Language the body is actually in, for the `lang` attribute. */
  lang: string;
  /** Language the title is actually in. */
  titleLang: string;
  /** True when the reader asked for another language and is getting the original. */
  fallback: boolean;
}

export function prose(
  original: { body: string; title?: string },
  translations: Record<string, Translation>,
  locale: string,
  sourceLocale: string,
): LocalizedProse {
  if (locale === sourceLocale) return { ...original, lang: sourceLocale, titleLang: sourceLocale, fallback: false };
  // A translation into exactly the reader's locale; else the original when it is the same written language
  // (en text on an en-AU mirror); else a translation into its language (fr for fr-CA); else the original.
  const found = translations[locale] ? locale : sameLanguage(locale, sourceLocale) ? undefined : closestLocale(Object.keys(translations), locale);
  const tr = found === undefined ? undefined : translations[found];
  const body = tr?.body ? { body: tr.body, lang: found! } : { body: original.body, lang: sourceLocale };
  const title = tr?.title ? { title: tr.title, titleLang: found! } : { title: original.title, titleLang: sourceLocale };
  // The note says "not translated" only where the reader truly gets another language.
  return { ...body, ...title, fallback: !sameLanguage(body.lang, locale) && original.body !== '' };
}
