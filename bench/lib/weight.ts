// What a page costs a reader: its compressed size, and everything it makes the browser fetch besides itself.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface Resource {
  kind: 'css' | 'js' | 'image' | 'font' | 'other';
  url: string;
  /** On the page's own host; anything else is a request to another host. */
  sameHost: boolean;
  /** Not needed to read the page: `defer`/`async` scripts, or an inline one marked `data-optional` that only adds to content the page already has. */
  optional: boolean;
  /** Undefined when it is on another host or missing from the output. */
  sizes?: Sizes;
}

export interface PageWeight {
  page: string;
  html: Sizes;
  /** Bytes of CSS inlined in `<style>` (already counted in the HTML). */
  inlineCss: number;
  inlineScripts: number;
  resources: Resource[];
  /** HTML plus every stylesheet it links, compressed: what must arrive before the page can be shown. */
  criticalGzip: number;
  criticalBrotli: number;
}

/** Compressed as a static host would precompress: gzip at level 9, brotli at quality 11. */
export function sizes(data: Buffer): Sizes {
  return {
    raw: data.byteLength,
    gzip: gzipSync(data, { level: 9 }).byteLength,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength } }).byteLength,
  };
}

const kindOf = (tag: string, rel: string, url: string): Resource['kind'] => {
  if (tag === 'script') return 'js';
  if (tag === 'img' || tag === 'source' || /icon/.test(rel) || /\.(png|jpe?g|gif|svg|webp|avif|ico)$/i.test(url)) return 'image';
  if (/\.(woff2?|ttf|otf|eot)$/i.test(url) || rel === 'preload' && /font/.test(url)) return 'font';
  if (rel === 'stylesheet' || /\.css$/i.test(url)) return 'css';
  return 'other';
};

/**
 * Weighs `file` (a path inside the mirror's output `root`), served at `pageUrl`. Resources are found in the markup
 * (stylesheets, scripts, images, icons, preloads, frames, media) and in inline CSS (`url(…)`, `@import`, fonts);
 * same-host ones are read from the output to be weighed too.
 */
export function weighPage(root: string, file: string, pageUrl: string): PageWeight {
  const data = readFileSync(join(root, file));
  const doc = parse(data.toString('utf8'));
  const page = new URL(pageUrl);
  const mirrorBase = basePathOf(pageUrl, file);
  const resources: Resource[] = [];
  const add = (tag: string, rel: string, href: string | undefined, optional: boolean) => {
    if (!href || href.startsWith('data:')) return;
    const url = new URL(href, page);
    const sameHost = url.host === page.host;
    let sized: Sizes | undefined;
    if (sameHost) {
      // The output folder holds what is served under the mirror's base path.
      const local = join(root, url.pathname.slice(mirrorBase.length));
      if (url.pathname.startsWith(mirrorBase) && existsSync(local)) sized = sizes(readFileSync(local));
    }
    resources.push({ kind: kindOf(tag, rel, url.pathname), url: url.href, sameHost, optional, sizes: sized });
  };
  for (const el of doc.querySelectorAll('link')) {
    const rel = (el.getAttribute('rel') ?? '').toLowerCase();
    // Alternates and canonicals are links for machines, not something the browser loads.
    if (['stylesheet', 'preload', 'modulepreload', 'icon', 'shortcut icon', 'apple-touch-icon', 'manifest', 'prefetch', 'preconnect', 'dns-prefetch'].includes(rel)) add('link', rel, el.getAttribute('href'), rel === 'prefetch');
  }
  let inlineScripts = 0;
  for (const el of doc.querySelectorAll('script')) {
    const src = el.getAttribute('src');
    if (src) add('script', '', src, el.hasAttribute('defer') || el.hasAttribute('async'));
    // An inline script marked data-optional enhances a page that works without it: weighed as optional script.
    else if (el.hasAttribute('data-optional')) resources.push({ kind: 'js', url: `${page.href}#inline-script`, sameHost: true, optional: true, sizes: sizes(Buffer.from(el.rawText)) });
    else if (el.textContent.trim() && !/json/.test(el.getAttribute('type') ?? '')) inlineScripts++;
  }
  for (const el of doc.querySelectorAll('img, iframe, video, audio, source, object, embed')) add(el.tagName.toLowerCase(), '', el.getAttribute('src') ?? el.getAttribute('data') ?? undefined, false);
  let inlineCss = 0;
  for (const el of doc.querySelectorAll('style')) {
    inlineCss += Buffer.byteLength(el.textContent);
    for (const m of el.textContent.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]/g)) add('style', '', m[1] ?? m[2], false);
  }
  const html = sizes(data);
  const css = resources.filter((r) => r.kind === 'css' && r.sizes);
  return {
    page: pageUrl,
    html,
    inlineCss,
    inlineScripts,
    resources,
    criticalGzip: html.gzip + css.reduce((a, r) => a + r.sizes!.gzip, 0),
    criticalBrotli: html.brotli + css.reduce((a, r) => a + r.sizes!.brotli, 0),
  };
}

/** The mirror's base path as seen from a page: the part of the page URL's path that is not its file path. */
function basePathOf(pageUrl: string, file: string): string {
  const path = new URL(pageUrl).pathname;
  const route = file.replace(/index\.html$/, '');
  return path.endsWith(route) ? path.slice(0, path.length - route.length) : '/';
}
