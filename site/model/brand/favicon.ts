// The tab icon every mirror serves at favicon.svg when the config names none: Candor's green check, or, for a site
// with an accent, a rounded square in that colour with a white dot, so the tab carries the owner's colour.

const CANDOR = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#13703a"/><path d="M9 16.5l4.5 4.5L23 11.5" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></svg>';

/** `accent` is a validated `#rrggbb` (schema/identity.ts), so it is safe to write into the markup as it is. */
export function faviconSvg(accent?: string): string {
  if (!accent) return CANDOR;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${accent}"/><circle cx="16" cy="16" r="6.5" fill="#fff"/></svg>`;
}
