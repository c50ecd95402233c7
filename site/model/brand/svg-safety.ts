// An SVG logo is served from the mirror's own origin, where a script in it would run with the page's rights if the
// file were opened on its own. So a logo may hold only drawing: listed elements, no event handlers, no references
// outside the file, no embedded HTML. A file with anything else is refused, not cleaned, so what is published is
// exactly the file in the repository.

/** Elements a logo may use: shapes, text, paint servers, clipping, masking and simple filters. */
const ELEMENTS = new Set(
  [
    'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'path', 'circle', 'ellipse', 'rect', 'line', 'polyline',
    'polygon', 'text', 'tspan', 'lineargradient', 'radialgradient', 'stop', 'clippath', 'mask', 'pattern', 'style',
    'filter', 'feblend', 'fecolormatrix', 'fecomposite', 'feflood', 'fegaussianblur', 'femerge', 'femergenode', 'feoffset',
  ],
);

/** A reference that stays inside the file: `#id` or `url(#id)`. */
const LOCAL_URL = /url\(\s*['"]?#/gi;

/** What to do with a refused SVG. */
export const SVG_FIX = 'export it as a plain SVG (e.g. run it through SVGO), keeping only shapes, text, gradients and in-file references (#id); or use a PNG';

/** Why the SVG text is not a safe logo, or undefined when it is. */
export function svgProblem(text: string): string | undefined {
  if (/<!DOCTYPE|<!ENTITY|<!\[CDATA\[/i.test(text)) return 'has a DOCTYPE, entity or CDATA section';
  const body = text.replace(/<!--[\s\S]*?-->/g, '').replace(/^\s*<\?xml[^>]*\?>/, '');
  if (/<\?/.test(body)) return 'has a processing instruction';
  let root: string | undefined;
  for (const tag of body.matchAll(/<\s*(\/?)\s*([^\s/>]*)([^>]*)>/g)) {
    const [, closing, rawName, attrs] = tag as unknown as [string, string, string, string];
    const name = rawName.toLowerCase();
    root ??= name;
    if (!ELEMENTS.has(name)) return `has a <${rawName}> element, which a logo may not use`;
    if (closing) continue;
    for (const attr of attrs.matchAll(/([^\s=/]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      const [, attrName, quoted] = attr as unknown as [string, string, string];
      const key = attrName.toLowerCase();
      const value = quoted.replace(/^["']|["']$/g, '');
      if (key.startsWith('on')) return `has an event handler (${attrName} on <${rawName}>)`;
      if (/(^|:)href$|^src$/.test(key) && !value.startsWith('#')) return `refers to "${value}" outside the file (${attrName} on <${rawName}>)`;
      if (/url\(/i.test(value.replace(LOCAL_URL, '')) || /javascript:/i.test(value)) return `refers outside the file in ${attrName} on <${rawName}>`;
    }
  }
  if (root !== 'svg') return 'does not start with an <svg> element';
  for (const [, css] of body.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
    if (/@import|url\(/i.test(css!.replace(LOCAL_URL, '')) || /expression\(|javascript:/i.test(css!)) return 'has a <style> that loads something from outside the file';
  }
  return undefined;
}
