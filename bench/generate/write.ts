// Writes a generated history into a fresh site folder beside a copy of the example config.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { readConfig } from '../../site/model/load/config.ts';
import { brandFiles } from '../../site/model/identity.ts';
import { identitySchema } from '../../site/model/schema/identity.ts';
import { generate, type GenerateOptions, type Generated } from './index.ts';

/** The example's config (four mirrors, eight language variants) is what the benchmark builds. */
export async function writeSite(root: string, configFile: string, options: GenerateOptions): Promise<Generated> {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  // A generated history is a real site's, built at its own moment: without the example's clock.
  const text = readFileSync(configFile, 'utf8');
  writeFileSync(join(root, 'candor.config.yaml'), text.replace(/^example_clock:.*$/m, ''));
  // The logo and other brand files the config names come along, so the copy loads.
  for (const { path } of brandFiles(identitySchema.parse((parse(text) as { identity?: unknown }).identity ?? {}))) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    copyFileSync(join(dirname(configFile), path), join(root, path));
  }
  const { config, errors } = await readConfig(root);
  if (!config) throw new Error(`${configFile}: ${errors.map((e) => e.message).join('; ')}`);
  const generated = generate(config, options);
  const dirs = new Set(Object.keys(generated.files).map((p) => dirname(join(root, p))));
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
  for (const [path, content] of Object.entries(generated.files)) writeFileSync(join(root, path), content);
  return generated;
}
