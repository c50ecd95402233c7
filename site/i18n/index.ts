// Typed UI strings: English defines the keys; every other language must have exactly the same ones.
import { IntlMessageFormat } from 'intl-messageformat';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import ro from './ro.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const KEYS = new Set(Object.keys(en));

/**
 * What is wrong with a catalog: it must have every English key, as words (not blank), and no other; a missing or
 * stray key fails every build and page. Checked by hand rather than with a zod schema: every process that shows
 * text checks all catalogs as it starts (the CLI, each render thread, each CLI run of the tests), and building and
 * running a strict 185-key schema over six catalogs cost 30-40 ms of each start, this check under 1 ms.
 */
export function catalogProblems(catalog: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of KEYS) {
    const value = catalog[key];
    if (value === undefined) problems.push(`${key}: missing (English has it)`);
    else if (typeof value !== 'string' || !value.trim()) problems.push(`${key}: must be words, not ${JSON.stringify(value)}`);
  }
  for (const key of Object.keys(catalog)) if (!KEYS.has(key)) problems.push(`${key}: not a key English has`);
  return problems;
}

/** Languages with a UI translation. Adding one: add `<locale>.json` beside this file and list it here. */
const raw: Record<string, Record<string, unknown>> = { en, fr, de, sv, ro, 'zh-CN': zhCN };

export const catalogs: Record<string, Messages> = Object.fromEntries(
  Object.entries(raw).map(([locale, catalog]) => {
    const problems = catalogProblems(catalog);
    if (problems.length) throw new Error(`site/i18n/${locale}.json: ${problems.join('; ')}`);
    return [locale, catalog as Messages];
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
