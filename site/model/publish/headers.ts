// `_headers` for hosts that read it (Netlify, Cloudflare Pages): open CORS and short caching for what tools
// poll, and the same security headers the pages carry in <meta>.
import type { MirrorConfig } from '../schema/config.ts';

/**
 * The policy pages carry in <meta>: scripts only from our own origin, so injected markup cannot run.
 * 'wasm-unsafe-eval' lets the history search compile its own WebAssembly (Pagefind); it allows no JavaScript eval.
 */
export const CSP_META = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";
/** frame-ancestors only works as a header, so hosts that read _headers get it too. */
export const CSP = `${CSP_META}; frame-ancestors 'none'`;

export function hostHeaders(mirror: MirrorConfig): string {
  const base = new URL(mirror.url).pathname.replace(/\/?$/, '/');
  const polled = ['api/*', '*.xml', '*.ics', '*.svg', 'badge.json', '*/badge.json', 'widget.js', '*/widget.js'];
  const rules = [
    [`${base}*`, ['Content-Security-Policy: ' + CSP, 'X-Content-Type-Options: nosniff', 'Referrer-Policy: strict-origin-when-cross-origin']],
    ...polled.map((p) => [`${base}${p}`, ['Access-Control-Allow-Origin: *', 'Cache-Control: public, max-age=60, stale-while-revalidate=300']] as const),
  ] as const;
  return rules.map(([path, headers]) => `${path}\n${headers.map((h) => `  ${h}`).join('\n')}`).join('\n\n') + '\n';
}
