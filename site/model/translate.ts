// Picks prose in the reader's language, falling back to the original — never to nothing.
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
  const tr = translations[locale] ?? translations[locale.split('-')[0]!];
  const body = tr?.body ? { body: tr.body, lang: locale } : { body: original.body, lang: sourceLocale };
  const title = tr?.title ? { title: tr.title, titleLang: locale } : { title: original.title, titleLang: sourceLocale };
  return { ...body, ...title, fallback: body.lang !== locale && original.body !== '' };
}
