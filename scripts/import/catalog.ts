// Turns the source's components and groups into Candor ids: reusing what candor.config.yaml already names,
// and giving the rest ids made from their names (prefixed by their group when two share a name).
import type { ConfigInput } from '../../site/model/schema/config.ts';
import type { Draft } from './draft.ts';
import { sameName, type ExistingConfig, type Named } from './existing-config.ts';
import type { Report } from './report.ts';
import { claim, slugify } from '../../site/model/write/slug.ts';

type ComponentInput = ConfigInput['components'][number];
type GroupInput = NonNullable<ConfigInput['groups']>[number];

/** Config entries as the importer writes them: the schema's fields, names in the source's one language. */
export type GroupEntry = Pick<GroupInput, 'id' | 'source_id'> & { name: string; description?: string };
export type ComponentEntry = Pick<ComponentInput, 'id' | 'group' | 'since' | 'only_show_if_degraded' | 'source_id'> & { name: string; description?: string };

export interface Catalog {
  /** Source component key → Candor component id. */
  componentId: Map<string, string>;
  /** Entries the config does not have yet, in the source's order. */
  newGroups: GroupEntry[];
  newComponents: ComponentEntry[];
  /** The id for incidents that name no component, created on first use. */
  fallback(): string;
}

export const FALLBACK_COMPONENT = { name: 'General', description: 'Incidents the old status page did not tie to a component' };

export function buildCatalog(draft: Draft, existing: ExistingConfig | undefined, report: Report): Catalog {
  const componentIds = new Set((existing?.components ?? []).map((c) => c.id));
  const groupIds = new Set((existing?.groups ?? []).map((g) => g.id));
  const newGroups: GroupEntry[] = [];
  const newComponents: ComponentEntry[] = [];
  const groupId = new Map<string, string>();

  for (const g of draft.groups) {
    const known = findByName(existing?.groups ?? [], g.name);
    if (known) {
      groupId.set(g.key, known.id);
      continue;
    }
    const id = claim(slugify(g.name, 48) || 'group', groupIds);
    groupId.set(g.key, id);
    newGroups.push({ id, name: g.name, ...(g.description ? { description: g.description } : {}), ...(g.sourceId ? { source_id: g.sourceId } : {}) });
  }

  // Names used by more than one component ("API" in both "Europe" and "US") get their group's id in front.
  const nameCount = new Map<string, number>();
  for (const c of draft.components) nameCount.set(c.name.toLowerCase(), (nameCount.get(c.name.toLowerCase()) ?? 0) + 1);

  const componentId = new Map<string, string>();
  for (const c of draft.components) {
    const group = c.groupKey ? groupId.get(c.groupKey) : undefined;
    const shared = (nameCount.get(c.name.toLowerCase()) ?? 0) > 1;
    const candidates = (existing?.components ?? []).filter((k) => k.names.some((n) => sameName(n, c.name)));
    const known = candidates.find((k) => k.group === group) ?? (shared ? undefined : candidates[0]);
    if (known) {
      componentId.set(c.key, known.id);
      continue;
    }
    const base = slugify(c.name, 40) || 'component';
    const id = claim(shared && group ? `${group}-${base}`.slice(0, 60) : base, componentIds);
    componentId.set(c.key, id);
    newComponents.push({
      id,
      name: c.name,
      ...(c.description ? { description: c.description } : {}),
      ...(group ? { group } : {}),
      ...(c.since ? { since: c.since } : {}),
      ...(c.onlyShowIfDegraded ? { only_show_if_degraded: true } : {}),
      ...(c.sourceId ? { source_id: c.sourceId } : {}),
    });
  }

  let fallbackId: string | undefined;
  return {
    componentId,
    newGroups,
    newComponents,
    fallback() {
      if (fallbackId) return fallbackId;
      const known = findByName(existing?.components ?? [], FALLBACK_COMPONENT.name);
      fallbackId = known?.id ?? claim('general', componentIds);
      if (!known) {
        newComponents.push({ id: fallbackId, ...FALLBACK_COMPONENT, only_show_if_degraded: true });
        report.note(
          'candor.config.yaml',
          `incidents that named no component were given a new component "${fallbackId}" (${FALLBACK_COMPONENT.name}), listed only while degraded, since Candor needs at least one per incident — replace it in those incidents if you know the real ones`,
        );
      }
      return fallbackId;
    },
  };
}

function findByName(list: Named[], name: string): Named | undefined {
  return list.find((n) => n.names.some((x) => sameName(x, name)));
}
