// `_headers` for hosts that read it (Netlify, Cloudflare Pages): open CORS and short caching for what tools
// poll, and the same security headers the pages carry in <meta>.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { MirrorConfig } from '../schema/config.ts';

/** The one inline script every page carries (local times, freshness) as pages inline it: without its comments. */
export const inlineScript = (source: string) => source.replace(/^\s*\/\/.*\n/gm, '').trim();
const readPageScript = () => inlineScript(readFileSync(new URL('../../components/local-time.js', import.meta.url), 'utf8'));

/**
 * The policy pages carry in <meta>: scripts only from our own origin plus the page script, allowed by its
 * SHA-256 rather than by 'unsafe-inline', so injected markup cannot run.
 * 'wasm-unsafe-eval' lets the history search compile its own WebAssembly (Pagefind); it allows no JavaScript eval.
 */
export function cspMeta(pageScript: string): string {
  const hash = createHash('sha256').update(pageScript, 'utf8').digest('base64');
  return `default-src 'self'; script-src 'self' 'sha256-${hash}' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'`;
}
/** frame-ancestors only works as a header, so hosts that read _headers get it too. */
export const csp = (pageScript: string) => `${cspMeta(pageScript)}; frame-ancestors 'none'`;

export function hostHeaders(mirror: MirrorConfig, pageScript = readPageScript()): string {
  const base = new URL(mirror.url).pathname.replace(/\/?$/, '/');
  const polled = ['api/*', '*.xml', '*.ics', '*.svg', 'badge.json', '*/badge.json', '*/uptime.json', 'widget.js', '*/widget.js'];
  const rules = [
    [`${base}*`, ['Content-Security-Policy: ' + csp(pageScript), 'X-Content-Type-Options: nosniff', 'Referrer-Policy: strict-origin-when-cross-origin']],
    ...polled.map((p) => [`${base}${p}`, ['Access-Control-Allow-Origin: *', 'Cache-Control: public, max-age=60, stale-while-revalidate=300']] as const),
  ] as const;
  return rules.map(([path, headers]) => `${path}\n${headers.map((h) => `  ${h}`).join('\n')}`).join('\n\n') + '\n';
}
