// Writes a generated history into a fresh site folder beside a copy of the example config.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readConfig } from '../../site/model/load/config.ts';
import { generate, type GenerateOptions, type Generated } from './index.ts';

/** The example's config (four mirrors, eight language variants) is what the benchmark builds. */
export async function writeSite(root: string, configFile: string, options: GenerateOptions): Promise<Generated> {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  // A generated history is a real site's, built at its own moment: without the example's clock.
  writeFileSync(join(root, 'candor.config.yaml'), readFileSync(configFile, 'utf8').replace(/^example_clock:.*$/m, ''));
  const { config, errors } = await readConfig(root);
  if (!config) throw new Error(`${configFile}: ${errors.map((e) => e.message).join('; ')}`);
  const generated = generate(config, options);
  const dirs = new Set(Object.keys(generated.files).map((p) => dirname(join(root, p))));
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
  for (const [path, content] of Object.entries(generated.files)) writeFileSync(join(root, path), content);
  return generated;
}
