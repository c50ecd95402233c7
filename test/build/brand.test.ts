// The shipped example's brand as built: the logo in both schemes with its box, the accent on the root, the
// favicon drawn from it; a site without a brand keeps Candor's look and icon.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { page } from '../helpers/html.ts';
import { BASIC_SITE, EXAMPLE_OUT } from '../helpers/paths.ts';

const MIRRORS = [
  { id: 'global', base: '/' },
  { id: 'cn', base: '/status/' },
];

describe('the example’s brand', () => {
  for (const { id, base } of MIRRORS) {
    it(`${id}: logo, accent and favicon on every page, served by the mirror`, () => {
      const dir = join(EXAMPLE_OUT, id);
      for (const route of ['', 'history/', 'subscribe/']) {
        const doc = page(dir, route);
        expect(doc.querySelector('html')!.getAttribute('style')).toBe('--brand:#0b6e63;--brand-dark:#5fd3bf');
        const source = doc.querySelector('header .brand picture source')!;
        expect(source.getAttribute('media')).toBe('(prefers-color-scheme: dark)');
        expect(source.getAttribute('srcset')).toBe(`${base}brand/ledgerly-logo-dark.svg`);
        const img = doc.querySelector('header .brand picture img')!;
        expect([img.getAttribute('src'), img.getAttribute('alt'), img.getAttribute('width'), img.getAttribute('height')]).toEqual([`${base}brand/ledgerly-logo.svg`, '', '28', '28']);
        expect(doc.querySelector('link[rel=icon]')!.getAttribute('href')).toBe(`${base}favicon.svg`);
        expect(doc.querySelector('meta[name=theme-color]')!.getAttribute('content')).toBe('#0b6e63');
      }
      expect(readFileSync(join(dir, 'favicon.svg'), 'utf8')).toContain('fill="#0b6e63"');
      expect(readFileSync(join(dir, 'brand/ledgerly-logo-dark.svg'), 'utf8')).toContain('<svg');
    });
  }

  it('lists the affected components under the headline, the worst first, with how many others work', () => {
    const glance = page(join(EXAMPLE_OUT, 'global'), '').querySelector('main ul.glance')!;
    const items = glance.querySelectorAll('li').map((li) => li.text.replace(/\s+/g, ' ').trim());
    expect(glance.querySelectorAll('li').map((li) => li.getAttribute('class'))).toEqual(['st s-partial_outage', 'st s-degraded_performance', 'st s-operational']);
    expect(items[0]).toBe('Reports and exports (Partial outage)');
    expect(items.at(-1)).toMatch(/^\d+ others operational$/);
    expect(glance.querySelector('li a')!.getAttribute('href')).toMatch(/^\/components\/[a-z-]+\/$/);
  });

  it('on a mirror with a region focus, lists what is affected in its regions, as its headline does', () => {
    const cn = page(join(EXAMPLE_OUT, 'cn'), '');
    expect(cn.querySelector('.banner')!.getAttribute('data-indicator')).toBe('none');
    expect(cn.querySelector('main ul.glance')).toBeNull();
    expect(page(join(EXAMPLE_OUT, 'eu'), '').querySelectorAll('main ul.glance li a').length).toBe(2);
  });
});

describe('a site without a brand', () => {
  it('has no accent style, no logo and Candor’s own icon', () => {
    const doc = page(BASIC_SITE, '');
    expect(doc.querySelector('html')!.getAttribute('style')).toBeUndefined();
    expect(doc.querySelector('header .brand img')).toBeNull();
    expect(doc.querySelector('meta[name=theme-color]')!.getAttribute('content')).toBe('#0b57c2');
    expect(readFileSync(join(BASIC_SITE, 'favicon.svg'), 'utf8')).toContain('fill="#13703a"');
  });
});
