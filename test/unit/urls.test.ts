import { describe, expect, it } from 'vitest';
import { absoluteUrl, alternates, basePath, localeParams, pathFor } from '../../site/lib/urls.ts';
import type { MirrorConfig } from '../../site/model/schema/config.ts';

const mirror = (id: string, url: string, locale: string, locales?: string[]): MirrorConfig => ({ id, url, locale, locales, time_zone: 'UTC', regions: [] });
const world = mirror('world', 'https://status.example.com/', 'en', ['en', 'fr']);
const eu = mirror('eu', 'https://example.eu/status', 'de', ['de', 'fr', 'en']);

describe('mirror URLs', () => {
  it('puts the default language at the root and the others under a prefix, below the base path', () => {
    expect(basePath(eu)).toBe('/status/');
    expect(pathFor(eu, 'de', 'history/')).toBe('/status/history/');
    expect(pathFor(eu, 'fr', 'history/')).toBe('/status/fr/history/');
    expect(absoluteUrl(world, 'fr', 'incidents/x/')).toBe('https://status.example.com/fr/incidents/x/');
    expect(localeParams(eu)).toEqual([
      { params: { locale: undefined }, locale: 'de' },
      { params: { locale: 'fr' }, locale: 'fr' },
      { params: { locale: 'en' }, locale: 'en' },
    ]);
  });

  it('announces each language once, by the first mirror serving it, the same on every mirror', () => {
    expect(alternates([world, eu], 'history/')).toEqual([
      { hreflang: 'en', href: 'https://status.example.com/history/' },
      { hreflang: 'fr', href: 'https://status.example.com/fr/history/' },
      { hreflang: 'de', href: 'https://example.eu/status/history/' },
      { hreflang: 'x-default', href: 'https://status.example.com/history/' },
    ]);
  });
});
