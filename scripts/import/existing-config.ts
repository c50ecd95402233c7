// What an existing candor.config.yaml already names, read leniently: the importer needs ids and names to reuse
// them, and the text to append its new entries to (`candor check` judges the result).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlFile } from '../../site/model/frontmatter.ts';
import { CONFIG_FILE } from '../../site/model/load/config.ts';
import { CliError } from '../lib/cli-error.ts';

export interface Named {
  id: string;
  /** Every spelling of its name (one per language when the name is localized). */
  names: string[];
  group?: string;
}

export interface ExistingConfig {
  components: Named[];
  groups: Named[];
  /** Impact ids, or undefined when the config uses the built-in minor/major/critical. */
  impacts?: string[];
  /** The file as written, to add entries to without disturbing it. */
  text: string;
}

export function readExistingConfig(root: string): ExistingConfig | undefined {
  const path = join(root, CONFIG_FILE);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const parsed = parseYamlFile(text);
  if (!('data' in parsed)) {
    throw new CliError(`${CONFIG_FILE}${parsed.line ? `:${parsed.line}` : ''}: ${parsed.message}\n  fix: ${parsed.fix}\nThe importer reads it to reuse your component ids; fix it and run the import again.`);
  }
  const data = parsed.data;
  const impacts = data.impacts && typeof data.impacts === 'object' ? Object.keys(data.impacts) : undefined;
  return { components: namedList(data.components), groups: namedList(data.groups), impacts, text };
}

function namedList(value: unknown): Named[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (!entry || typeof entry !== 'object' || typeof (entry as { id?: unknown }).id !== 'string') return [];
    const { id, name, group } = entry as { id: string; name?: unknown; group?: unknown };
    const names = typeof name === 'string' ? [name] : name && typeof name === 'object' ? Object.values(name).filter((n): n is string => typeof n === 'string') : [];
    return [{ id, names, group: typeof group === 'string' ? group : undefined }];
  });
}

/** Names compare without case or surrounding space. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
