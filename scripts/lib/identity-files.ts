// The config's logo, favicon and social image are files in the repository: each mirror's output gets a copy
// under brand/, so pages never load them from anywhere else.
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { brandFiles } from '../../site/model/identity.ts';
import type { Config } from '../../site/model/schema/config.ts';
import { CliError } from './cli-error.ts';

/** Fails with the config field to fix when a file the config names is missing. */
export function checkIdentityFiles(root: string, config: Config): void {
  for (const { field, path } of brandFiles(config.identity)) {
    if (!existsSync(join(root, path))) {
      throw new CliError(`candor.config.yaml: identity.${field} names "${path}", which does not exist. Add the file to the repository or fix the path (relative to candor.config.yaml, e.g. assets/logo.svg).`);
    }
  }
}

export async function copyIdentityFiles(root: string, config: Config, outDir: string): Promise<void> {
  const files = brandFiles(config.identity);
  if (files.length === 0) return;
  await mkdir(join(outDir, 'brand'), { recursive: true });
  for (const { path } of files) await copyFile(join(root, path), join(outDir, 'brand', basename(path)));
}
