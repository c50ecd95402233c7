// From a draft to the exact files an import writes, plus the config entries it needs.
import { CONFIG_FILE } from '../../site/model/load/config.ts';
import { buildCatalog, type Catalog } from './catalog.ts';
import { mergeIntoConfig } from './config-merge.ts';
import { newConfigFile } from './config-output.ts';
import type { Draft, DraftIncident } from './draft.ts';
import { readExistingConfig } from './existing-config.ts';
import { impactsToAdd, NO_IMPACT_ID } from './impacts.ts';
import { announcementFile } from './announcement-file.ts';
import { incidentFiles, type PlannedFile } from './incident-files.ts';
import type { Report } from './report.ts';

export interface Plan {
  files: PlannedFile[];
  /** An existing candor.config.yaml with the new groups and components added; undefined when it needs none. */
  mergedConfig?: { before: string; after: string };
  incidents: number;
  maintenance: number;
  announcements: number;
  updates: number;
  newComponents: number;
  newGroups: number;
}

export function planImport(draft: Draft, root: string, command: string, report: Report): Plan {
  const existing = readExistingConfig(root);
  const catalog = buildCatalog(draft, existing, report);
  const incidents = draft.incidents
    .map((d) => withComponentIds(d, catalog, report))
    .sort((a, b) => a.started.date.getTime() - b.started.date.getTime() || a.title.localeCompare(b.title));

  const files: PlannedFile[] = [];
  const taken = new Set<string>();
  const plan: Plan = { files, incidents: 0, maintenance: 0, announcements: 0, updates: 0, newComponents: 0, newGroups: 0 };
  for (const incident of incidents) {
    const out = incidentFiles(incident, draft.from, taken, report);
    if (!out) continue;
    files.push(...out.files);
    plan[incident.kind === 'incident' ? 'incidents' : 'maintenance']++;
    plan.updates += out.updates;
  }

  for (const a of draft.announcements) {
    const file = announcementFile(a, draft.from, taken, report);
    if (!file) continue;
    files.push(file);
    plan.announcements++;
  }

  const impacts = existing?.impacts;
  const used = incidents.map((i) => i.impact);
  const missing = [...new Set(used.filter((i): i is string => !!i && i !== NO_IMPACT_ID && !!impacts && !impacts.includes(i)))];
  if (missing.length) report.note(CONFIG_FILE, `its impacts do not include ${missing.map((m) => `"${m}"`).join(', ')}, which the imported incidents use; add them or change the incidents`);
  const addImpacts = impactsToAdd(used, impacts);
  if (addImpacts) report.note(CONFIG_FILE, `gets the impact level "${NO_IMPACT_ID}" (no service impact: components stay operational, the page status is not raised), since ${used.filter((i) => i === NO_IMPACT_ID).length} incident(s) had Statuspage's impact "none"${addImpacts.replace ? ', beside the built-in minor, major and critical' : ''}`);

  if (!existing) {
    if (catalog.newComponents.length === 0) catalog.fallback();
    files.unshift({ path: CONFIG_FILE, content: newConfigFile(draft.site, catalog, command, report, addImpacts?.entries) });
  } else {
    const after = mergeIntoConfig(existing.text, catalog, addImpacts);
    if (after) {
      plan.mergedConfig = { before: existing.text, after };
      report.note(CONFIG_FILE, `gets ${count(catalog.newComponents.length, 'new component')}${catalog.newGroups.length ? ` and ${count(catalog.newGroups.length, 'new group')}` : ''}, added at the end of its lists; its comments and order are kept`);
    }
  }
  plan.newComponents = catalog.newComponents.length;
  plan.newGroups = catalog.newGroups.length;
  return plan;
}

/** Source component keys → config ids; an incident that names none gets the fallback component. */
function withComponentIds(d: DraftIncident, catalog: Catalog, report: Report): DraftIncident {
  const idOf = (key: string) => {
    const id = catalog.componentId.get(key);
    if (!id) report.note(d.origin, `names a component "${key}" the source does not list; left out`);
    return id;
  };
  const updates = d.updates.map((u) => ({
    ...u,
    components: Object.fromEntries(Object.entries(u.components).flatMap(([key, state]) => {
      const id = idOf(key);
      return id ? [[id, state]] : [];
    })),
  }));
  // index.md lists what was affected from the start; a component an update brings in is named by that update.
  let components = [...new Set(d.components.map(idOf).filter((id): id is string => !!id))];
  const first = updates.find((u) => Object.keys(u.components).length)?.components ?? {};
  if (components.length === 0) components = Object.keys(first);
  if (components.length === 0) {
    components = [catalog.fallback()];
    report.tally(`{n} incident(s) named no component and were given "${components[0]}"`);
  }
  return { ...d, components, updates };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
