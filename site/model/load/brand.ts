// Reads the logo files the config names and checks each can be published as it is: a format the header can show,
// small, and for SVG, nothing but drawing (brand/svg-safety.ts).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentError } from '../errors.ts';
import type { Config } from '../schema/config.ts';
import { accentOf, logoImage, type Brand, type LogoImage } from '../brand/brand.ts';
import { imageSize } from '../brand/image-size.ts';
import { SVG_FIX, svgProblem } from '../brand/svg-safety.ts';
import { brandRoute } from '../identity.ts';

/** Larger than any logo needs at 28 px high, even at 3× pixel density; it is fetched by every first visit. */
export const LOGO_MAX_BYTES = 64 * 1024;

type FieldError = Omit<ContentError, 'file'> & { path: string[] };

export async function readBrand(root: string, config: Config): Promise<{ brand: Brand; errors: FieldError[] }> {
  const { logo, logo_dark } = config.identity;
  const errors: FieldError[] = [];
  const problem = (field: string, message: string, fix: string) => errors.push({ path: ['identity', field], field: `identity.${field}`, message, fix });
  const read = async (field: 'logo' | 'logo_dark', path: string): Promise<LogoImage | undefined> => {
    const file = join(root, path);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return void problem(field, `names "${path}", which does not exist`, 'add the file to the repository or fix the path (relative to candor.config.yaml, e.g. assets/logo.svg)');
    if (info.size > LOGO_MAX_BYTES) return void problem(field, `"${path}" is ${Math.ceil(info.size / 1024)} KB; a logo may be at most ${LOGO_MAX_BYTES / 1024} KB`, 'use an SVG, or a PNG or WebP about 84 px high (3× the 28 px it is shown at)');
    const bytes = await readFile(file);
    if (path.toLowerCase().endsWith('.svg')) {
      const unsafe = svgProblem(bytes.toString('utf8'));
      if (unsafe) return void problem(field, `"${path}" ${unsafe}`, SVG_FIX);
    }
    const size = imageSize(bytes, path);
    if (!size) return void problem(field, `"${path}" is not a readable ${path.split('.').pop()!.toUpperCase()} file, or does not say its size`, 'save it again as SVG (with a viewBox), PNG or WebP');
    return logoImage(brandRoute(path), size);
  };
  if (logo_dark && !logo) problem('logo_dark', 'is set without logo', 'add identity.logo, the logo shown on the light page');
  const light = logo ? await read('logo', logo) : undefined;
  const dark = logo_dark ? await read('logo_dark', logo_dark) : undefined;
  return { brand: { logo: light ? { light, dark } : undefined, accent: accentOf(config.identity) }, errors };
}
