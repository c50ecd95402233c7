// Typed UI strings: English defines the keys; every other language must have exactly the same ones.
import { IntlMessageFormat } from 'intl-messageformat';
import { z } from 'zod';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import ro from './ro.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

/** A catalog must have every English key and no other: a missing or stray key fails the build. */
export const catalogSchema = z.strictObject(Object.fromEntries(Object.keys(en).map((k) => [k, z.string().trim().min(1)])) as Record<MessageKey, z.ZodString>);

/** Languages with a UI translation. Adding one: add `<locale>.json` beside this file and list it here. */
const raw: Record<string, unknown> = { en, fr, de, sv, ro, 'zh-CN': zhCN };

export const catalogs: Record<string, Messages> = Object.fromEntries(
  Object.entries(raw).map(([locale, catalog]) => {
    const parsed = catalogSchema.safeParse(catalog);
    if (!parsed.success) throw new Error(`site/i18n/${locale}.json: ${parsed.error.issues.map((i) => `${i.path.join('.') || i.message}: ${i.message}`).join('; ')}`);
    return [locale, parsed.data as Messages];
  }),
);

export const UI_LOCALES = Object.keys(catalogs);

/** The catalog a locale uses: exact (`zh-CN`), else its language (`en-AU` → `en`), else none. */
export function uiLocaleFor(locale: string): string | undefined {
  if (catalogs[locale]) return locale;
  const language = locale.split('-')[0]!;
  return catalogs[language] ? language : undefined;
}

const compiled = new Map<string, IntlMessageFormat>();

/** A UI string for `locale`, with ICU MessageFormat placeholders filled (`{name}`, plurals), formatted for `locale`. */
export function t(locale: string, key: MessageKey, params?: Record<string, string | number>): string {
  const catalog = catalogs[uiLocaleFor(locale) ?? 'en']!;
  const cacheKey = `${locale}\u0000${key}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    message = new IntlMessageFormat(catalog[key], locale);
    compiled.set(cacheKey, message);
  }
  return String(message.format(params));
}

const languageNames = new Map<string, string>();

/** A language's own name for itself ("Deutsch", "中文（中国）"), for the language switcher. */
export function languageName(locale: string): string {
  // Every page's language switcher asks for the same few names; building an Intl.DisplayNames each time
  // cost more than rendering the rest of the header.
  let name = languageNames.get(locale);
  if (name === undefined) {
    const raw = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    languageNames.set(locale, (name = raw.charAt(0).toLocaleUpperCase(locale) + raw.slice(1)));
  }
  return name;
}
