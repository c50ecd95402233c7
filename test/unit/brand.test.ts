// The owner's brand in candor.config.yaml: the accent must read on the page (WCAG AA) and the logo must be a small,
// drawing-only file whose size is known before it loads. Bad values are refused with the field, the measured
// problem and a fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AA_TEXT, BACKGROUNDS, contrast, nearestPassing, worstContrast } from '../../site/model/brand/contrast.ts';
import { imageSize } from '../../site/model/brand/image-size.ts';
import { svgProblem } from '../../site/model/brand/svg-safety.ts';
import { faviconSvg } from '../../site/model/brand/favicon.ts';
import { readConfig } from '../../site/model/load/config.ts';
import { formatError } from '../../site/model/errors.ts';
import { REPO } from '../helpers/paths.ts';
import { MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32"><title>Co</title><rect width="64" height="32" rx="6" fill="#123456"/></svg>';
const withIdentity = (lines: string) => `${MINIMAL_CONFIG}identity:\n${lines}`;
const problems = async (files: Record<string, string | Buffer>, identity: string) => (await readConfig(testdir(files, { config: withIdentity(identity) }))).errors.map(formatError);

describe('contrast', () => {
  it('measures WCAG 2 ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });

  it('suggests the nearest passing colour: darker on the light page, lighter on the dark one', () => {
    const light = nearestPassing('#1a8a7a', BACKGROUNDS.light)!;
    expect(worstContrast(light, BACKGROUNDS.light)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(parseInt(light.slice(1, 3), 16)).toBeLessThanOrEqual(0x1a);
    const dark = nearestPassing('#0b57c2', BACKGROUNDS.dark)!;
    expect(worstContrast(dark, BACKGROUNDS.dark)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(nearestPassing('#0b57c2', BACKGROUNDS.light)).toBeUndefined();
  });

  it('checks against the backgrounds the stylesheet really has', () => {
    const css = readFileSync(join(REPO, 'site/styles/candor.css'), 'utf8');
    const vars = [...css.matchAll(/--(bg|card): (#[0-9a-f]{3,6})/g)].map((m) => m[2]!.replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3'));
    expect(vars).toEqual([BACKGROUNDS.light[0], BACKGROUNDS.light[1], BACKGROUNDS.dark[0], BACKGROUNDS.dark[1]]);
  });
});

describe('SVG logos', () => {
  it('accepts drawing and in-file references, like the example logos', () => {
    expect(svgProblem(LOGO)).toBeUndefined();
    expect(svgProblem(readFileSync(join(REPO, 'assets/ledgerly-logo.svg'), 'utf8'))).toBeUndefined();
    expect(svgProblem(readFileSync(join(REPO, 'assets/ledgerly-logo-dark.svg'), 'utf8'))).toBeUndefined();
    expect(svgProblem('<?xml version="1.0"?><!-- made by hand --><svg viewBox="0 0 1 1"><defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/></svg>')).toBeUndefined();
  });

  it.each([
    ['<svg><script>alert(1)</script></svg>', 'has a <script> element'],
    ['<svg onload="alert(1)"><rect/></svg>', 'has an event handler (onload on <svg>)'],
    ['<svg><image href="https://tracker.example/p.png"/></svg>', 'has a <image> element'],
    ['<svg><use xlink:href="https://x.example/s.svg#a"/></svg>', 'refers to "https://x.example/s.svg#a" outside the file'],
    ['<svg><rect fill="url(https://x.example/a)"/></svg>', 'refers outside the file in fill'],
    ['<svg><foreignObject><div/></foreignObject></svg>', 'has a <foreignObject> element'],
    ['<svg><style>@import url(https://x.example/a.css);</style></svg>', 'has a <style> that loads something'],
    ['<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>', 'has a DOCTYPE'],
    ['<html><svg/></html>', 'has a <html> element'],
  ])('refuses %s', (svg, problem) => {
    expect(svgProblem(svg)).toContain(problem);
  });
});

describe('logo sizes', () => {
  it('reads SVG, PNG and WebP sizes from the file itself', () => {
    expect(imageSize(Buffer.from(LOGO), 'a.svg')).toEqual({ width: 64, height: 32 });
    expect(imageSize(Buffer.from('<svg width="120px" height="40" viewBox="0 0 12 4"/>'), 'a.svg')).toEqual({ width: 120, height: 40 });
    expect(imageSize(readFileSync(join(REPO, 'test/fixtures/phone/assets/social.png')), 'social.png')).toMatchObject({ width: expect.any(Number) });
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'latin1');
    webp.write('WEBPVP8X', 8, 'latin1');
    webp.writeUIntLE(199, 24, 3);
    webp.writeUIntLE(49, 27, 3);
    expect(imageSize(webp, 'a.webp')).toEqual({ width: 200, height: 50 });
    expect(imageSize(Buffer.from('not a png at all, really not'), 'a.png')).toBeUndefined();
  });
});

describe('identity in the config', () => {
  it('derives the logo box and both accents', async () => {
    const root = testdir({ 'assets/logo.svg': LOGO }, { config: withIdentity("  logo: assets/logo.svg\n  accent: '#0B6E63'\n") });
    const { brand, errors } = await readConfig(root);
    expect(errors).toEqual([]);
    expect(brand!.logo).toEqual({ light: { route: 'brand/logo.svg', width: 56, height: 28 }, dark: undefined });
    expect(brand!.accent!.light).toBe('#0b6e63');
    expect(worstContrast(brand!.accent!.dark, BACKGROUNDS.dark)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(faviconSvg(brand!.accent!.light)).toContain('fill="#0b6e63"');
  });

  it('refuses an accent links cannot be read in, naming the ratio and the nearest colour that passes', async () => {
    const errors = await problems({}, "  accent: '#1a8a7a'\n  accent_dark: '#0b57c2'\n");
    expect(errors).toEqual([
      'candor.config.yaml:13 identity.accent: reaches only 3.94:1 against the light page (#ffffff and #f6f7f9); links need 4.5:1 (WCAG AA)\n  fix: use "#187f70" (4.54:1), the nearest colour of the same hue that passes',
      'candor.config.yaml:14 identity.accent_dark: reaches only 2.54:1 against the dark page (#111418 and #191d22); links need 4.5:1 (WCAG AA)\n  fix: use "#4f86d3" (4.58:1), the nearest colour of the same hue that passes',
    ]);
  });

  it('refuses an unsafe, missing, oversized or unreadable logo, and a dark logo without a light one', async () => {
    expect(await problems({ 'a.svg': '<svg onload="x()"/>' }, '  logo: a.svg\n')).toEqual([expect.stringContaining('identity.logo: "a.svg" has an event handler (onload on <svg>)\n  fix: export it as a plain SVG')]);
    expect(await problems({}, '  logo: assets/logo.svg\n')).toEqual([expect.stringContaining('identity.logo: names "assets/logo.svg", which does not exist')]);
    expect(await problems({ 'big.png': Buffer.alloc(70_000) }, '  logo: big.png\n')).toEqual([expect.stringContaining('"big.png" is 69 KB; a logo may be at most 64 KB')]);
    expect(await problems({ 'a.png': 'text, not a PNG, long enough to read' }, '  logo: a.png\n')).toEqual([expect.stringContaining('"a.png" is not a readable PNG file')]);
    expect(await problems({ 'd.svg': LOGO }, '  logo_dark: d.svg\n')).toEqual([expect.stringContaining('identity.logo_dark: is set without logo')]);
    expect(await problems({}, '  logo: logo.jpg\n')).toEqual([expect.stringContaining('must be a path inside the repository ending in .svg, .png or .webp')]);
  });
});
