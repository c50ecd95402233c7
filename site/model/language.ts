// When two locales are the same written language: a regional variant (en-AU, fr-CA, de-AT) reads text in its
// base language (en, fr, de) as its own. Compared by language and script, so zh-HK (Traditional) does not
// take zh-CN (Simplified) text for its own, while zh-SG does.

const written = new Map<string, string>();

/** Language and script of a locale, e.g. `en-AU` → `en-Latn`, `zh-HK` → `zh-Hant`. */
export function writtenLanguage(locale: string): string {
  let w = written.get(locale);
  if (w === undefined) {
    try {
      const max = new Intl.Locale(locale).maximize();
      w = `${max.language}-${max.script ?? ''}`;
    } catch {
      w = locale.toLowerCase();
    }
    written.set(locale, w);
  }
  return w;
}

export function sameLanguage(a: string, b: string): boolean {
  return a === b || writtenLanguage(a) === writtenLanguage(b);
}

/**
 * The best of `available` for a reader of `locale`: the exact locale, else the bare language (`fr` for `fr-CA`),
 * else another variant of the same written language; undefined when none is the reader's language.
 */
export function closestLocale(available: Iterable<string>, locale: string): string | undefined {
  const list = [...available];
  if (list.includes(locale)) return locale;
  const base = locale.split('-')[0]!;
  if (list.includes(base) && sameLanguage(base, locale)) return base;
  return list.find((l) => sameLanguage(l, locale));
}
