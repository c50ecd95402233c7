// Typed UI strings: English defines the keys; every other language must have exactly the same ones.
import { IntlMessageFormat } from 'intl-messageformat';
import en from './en.json' with { type: 'json' };

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

/** Languages with a UI translation; adding one means adding `<locale>.json` here. */
export const catalogs: Record<string, Messages> = { en };

export const UI_LOCALES = Object.keys(catalogs);

const compiled = new Map<string, IntlMessageFormat>();

/** A UI string for `locale`, with ICU MessageFormat placeholders filled (`{name}`, plurals). */
export function t(locale: string, key: MessageKey, params?: Record<string, string | number>): string {
  const catalog = catalogs[locale] ?? en;
  const cacheKey = `${locale}\u0000${key}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    message = new IntlMessageFormat(catalog[key] ?? en[key], locale);
    compiled.set(cacheKey, message);
  }
  return String(message.format(params));
}
