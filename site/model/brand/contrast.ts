// WCAG 2 contrast between two sRGB colours, and the nearest colour of the same hue that reaches a ratio: the
// accent a config names is checked against the backgrounds links and buttons sit on (site/styles/candor.css).

/** The page's own backgrounds, light and dark: the page itself and the cards on it (--bg and --card in candor.css). */
export const BACKGROUNDS = { light: ['#ffffff', '#f6f7f9'], dark: ['#111418', '#191d22'] } as const;
/** WCAG 1.4.3 (AA) for normal text: links are text. */
export const AA_TEXT = 4.5;

type Rgb = [number, number, number];

const rgbOf = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const hexOf = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance (WCAG 2.x definition) of `#rrggbb`. */
export function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two `#rrggbb` colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The lowest contrast `colour` has against any of `backgrounds`: what a reader sees at worst. */
export const worstContrast = (colour: string, backgrounds: readonly string[]) => Math.min(...backgrounds.map((bg) => contrast(colour, bg)));

/** Rounded down to two decimals, so a reported "4.49" never reads as passing. */
export const ratioText = (ratio: number) => `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;

/**
 * The colour nearest to `colour` along its own hue that reaches `min` against every background: mixed step by step
 * towards black on light backgrounds, towards white on dark ones. Undefined when it already passes.
 */
export function nearestPassing(colour: string, backgrounds: readonly string[], min = AA_TEXT): string | undefined {
  if (worstContrast(colour, backgrounds) >= min) return undefined;
  const dark = Math.max(...backgrounds.map(luminance)) < 0.2;
  const target: Rgb = dark ? [255, 255, 255] : [0, 0, 0];
  const from = rgbOf(colour);
  for (let step = 1; step <= 100; step++) {
    const mixed = hexOf(from.map((c, i) => c + ((target[i]! - c) * step) / 100) as Rgb);
    if (worstContrast(mixed, backgrounds) >= min) return mixed;
  }
  return hexOf(target);
}
