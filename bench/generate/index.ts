// The synthetic history the benchmark builds: N incidents and maintenance windows spread over several years,
// ending in the situation that matters most, an outage under way (plus a window announced for later).
import type { Config } from '../../site/model/schema/config.ts';
import { DAY, HOUR, MINUTE, slug, type Files } from './files.ts';
import { IncidentWriter } from './incident.ts';
import { random } from './random.ts';

export interface GenerateOptions {
  /** How many incident folders, the open incident and the upcoming window included. */
  incidents: number;
  seed: number;
  /** The moment the site is built for; the history ends just before it. */
  now: Date;
  /** How far back the history reaches. */
  years: number;
}

export const DEFAULTS = { seed: 7, now: new Date('2026-11-23T12:00:00Z'), years: 4 } as const;

export interface Generated {
  files: Files;
  /** Folder of the incident that is open at `now`: where the benchmark posts its extra update. */
  openIncident: string;
}

export function generate(config: Config, options: GenerateOptions): Generated {
  const rnd = random(options.seed);
  const used = new Set<string>();
  // Folder names are unique: a second "api-requests-are-failing" on one day gets "-2".
  const folderName = (day: string, title: string) => {
    const base = `${day}-${slug(title)}`;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
  const writer = new IncidentWriter(config, rnd, folderName);
  const now = options.now;
  const files: Files = {};
  const add = (made: { id: string; files: Files }) => (Object.assign(files, made.files), made.id);

  // The past: starts spread evenly with jitter, ending two days before `now` so everything there is closed.
  const history = Math.max(0, options.incidents - 2);
  const from = now.getTime() - options.years * 365 * DAY;
  const span = now.getTime() - 2 * DAY - from;
  for (let i = 0; i < history; i++) {
    const t = from + ((i + rnd.next() * 0.9) * span) / history;
    // Maintenance starts on the hour at night, UTC; incidents at any minute.
    if (rnd.chance(0.1)) add(writer.maintenance({ kind: 'maintenance', start: new Date(Math.floor(t / DAY) * DAY + rnd.pick([1, 2, 22]) * HOUR), now }));
    else add(writer.incident({ kind: 'incident', start: new Date(Math.floor(t / MINUTE) * MINUTE), now }));
  }
  // The present: a window announced for the day after tomorrow, and an outage under way.
  if (options.incidents >= 2) add(writer.maintenance({ kind: 'maintenance', start: new Date((Math.floor(now.getTime() / DAY) + 2) * DAY + HOUR), now }));
  const openIncident = options.incidents >= 1 ? add(writer.incident({ kind: 'incident', start: new Date(now.getTime() - 90 * MINUTE), now }, { open: true })) : '';
  return { files, openIncident };
}
