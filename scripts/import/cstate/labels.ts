// The words cState sites write as update labels, and what each says: a status (`*Investigating*`), or only that
// an entry begins (`*Update*`). English as cState's docs and example site write them, and the usual words of
// German, French, Spanish and Dutch cState sites. Allow-lists: any other bold word at a paragraph's start is text.
import type { IncidentStatus, MaintenanceStatus } from '../../../site/model/states.ts';

/**
 * cState's conventional labels and the status each names, for an incident and for maintenance. cState itself
 * shows labels as text; these are the ones its docs and example site use, and their usual words on German, French,
 * Spanish and Dutch cState sites (cState ships those languages), so they become statuses here. Keys are lowercase.
 */
const INVESTIGATING = { incident: 'investigating', maintenance: 'in_progress' } as const;
const IDENTIFIED = { incident: 'identified', maintenance: 'in_progress' } as const;
const MONITORING = { incident: 'monitoring', maintenance: 'verifying' } as const;
const RESOLVED = { incident: 'resolved', maintenance: 'completed' } as const;
const SCHEDULED = { incident: 'investigating', maintenance: 'scheduled' } as const;
const IN_PROGRESS = { incident: 'identified', maintenance: 'in_progress' } as const;
/** "Completed": an all-clear like RESOLVED, but a word maintenance uses, so kept apart (isMaintenanceLabel). */
const COMPLETED = { incident: 'resolved', maintenance: 'completed' } as const;
export const LABELS = {
  investigating: INVESTIGATING,
  identified: IDENTIFIED,
  monitoring: MONITORING,
  resolved: RESOLVED,
  fixed: RESOLVED,
  scheduled: SCHEDULED,
  'in progress': IN_PROGRESS,
  verifying: MONITORING,
  completed: COMPLETED,
  complete: COMPLETED,
  // German
  untersuchung: INVESTIGATING,
  'wird untersucht': INVESTIGATING,
  identifiziert: IDENTIFIED,
  'ursache gefunden': IDENTIFIED,
  überwachung: MONITORING,
  beobachtung: MONITORING,
  behoben: RESOLVED,
  gelöst: RESOLVED,
  abgeschlossen: COMPLETED,
  geplant: SCHEDULED,
  'in bearbeitung': IN_PROGRESS,
  // French
  enquête: INVESTIGATING,
  investigation: INVESTIGATING,
  'en cours d’investigation': INVESTIGATING,
  "en cours d'investigation": INVESTIGATING,
  identifié: IDENTIFIED,
  surveillance: MONITORING,
  résolu: RESOLVED,
  terminé: COMPLETED,
  planifié: SCHEDULED,
  programmé: SCHEDULED,
  'en cours': IN_PROGRESS,
  // Spanish
  investigando: INVESTIGATING,
  investigación: INVESTIGATING,
  identificado: IDENTIFIED,
  monitoreando: MONITORING,
  supervisando: MONITORING,
  monitorizando: MONITORING,
  resuelto: RESOLVED,
  solucionado: RESOLVED,
  completado: COMPLETED,
  programado: SCHEDULED,
  'en curso': IN_PROGRESS,
  'en progreso': IN_PROGRESS,
  // Dutch
  onderzoek: INVESTIGATING,
  onderzoeken: INVESTIGATING,
  'in onderzoek': INVESTIGATING,
  geïdentificeerd: IDENTIFIED,
  'oorzaak gevonden': IDENTIFIED,
  monitoren: MONITORING,
  opgelost: RESOLVED,
  voltooid: COMPLETED,
  afgerond: COMPLETED,
  gepland: SCHEDULED,
  'in uitvoering': IN_PROGRESS,
} as const satisfies Record<string, { incident: IncidentStatus; maintenance: MaintenanceStatus }>;
/**
 * Labels that open a log entry without naming a status ("*Update* - …"), in the same languages. Only these and
 * the status labels start an entry of a log written without track shortcodes; other bold words stay text.
 */
export const ENTRY_LABELS: ReadonlySet<string> = new Set(['update', 'aktualisierung', 'mise à jour', 'actualización', 'actualizacion', 'bijgewerkt', 'bijwerking']);
export type Label = keyof typeof LABELS;

/** A label only maintenance uses: scheduled, in progress or completed, in any of the languages. */
export function isMaintenanceLabel(label: Label | undefined): boolean {
  const status = label && LABELS[label];
  return status === SCHEDULED || status === IN_PROGRESS || status === COMPLETED;
}


/** `In_Progress` → `in progress`: how a written label is looked up. */
export function labelKey(label: string): string {
  return label.normalize('NFC').toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}
