// Adds an import's new groups and components to an existing candor.config.yaml through yaml's Document API, so
// the team's comments, key order and formatting stay as they wrote them; only entries are appended.
import { isMap, isSeq, parseDocument } from 'yaml';
import { CONFIG_FILE } from '../../site/model/load/config.ts';
import { CliError } from '../lib/cli-error.ts';
import type { Catalog } from './catalog.ts';
import type { impactsToAdd } from './impacts.ts';

/**
 * The config's text with the catalog's new entries appended to `groups` and `components` (and impact levels the
 * history needs added to `impacts`); undefined when nothing is new.
 */
export function mergeIntoConfig(text: string, catalog: Catalog, impacts?: ReturnType<typeof impactsToAdd>): string | undefined {
  if (!catalog.newGroups.length && !catalog.newComponents.length && !impacts) return undefined;
  const doc = parseDocument(text);
  if (impacts) {
    const map = doc.get('impacts', true);
    if (impacts.replace || !isMap(map)) doc.set('impacts', doc.createNode(impacts.entries));
    else for (const [id, level] of Object.entries(impacts.entries)) map.set(id, doc.createNode(level));
  }
  const lists: [string, object[]][] = [
    ['groups', catalog.newGroups],
    ['components', catalog.newComponents],
  ];
  for (const [key, entries] of lists) {
    if (!entries.length) continue;
    const list = doc.get(key, true);
    if (list === undefined || list === null) {
      doc.set(key, doc.createNode(entries));
      continue;
    }
    if (!isSeq(list)) throw new CliError(`${CONFIG_FILE}: \`${key}\` is not a list, so the imported ${key} cannot be added to it\n  fix: make it a list (${key}:\\n  - id: …) and import again`);
    // A list written inline (`[a, b]`) would otherwise become one very long line.
    list.flow = false;
    for (const entry of entries) list.add(doc.createNode(entry));
  }
  return doc.toString({ lineWidth: 0 });
}
