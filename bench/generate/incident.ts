// One generated incident or maintenance window: its index.md, 3–6 updates, maybe translations and a postmortem.
import { localize } from '../../site/model/format.ts';
import type { Config } from '../../site/model/schema/config.ts';
import { DAY, fill, HOUR, iso, markdownFile, MINUTE, spoken, stem, type Files } from './files.ts';
import type { Random } from './random.ts';
import { MAINTENANCE_TITLES, OWNERS, POSTMORTEM, PROVIDERS, SUMMARY, SYMPTOMS, UPDATES } from './text.ts';
import { TRANSLATIONS } from './translations.ts';

export interface Plan {
  kind: 'incident' | 'maintenance';
  /** When customers were first affected, or when the window starts. */
  start: Date;
  /** The build's moment: nothing is posted after it. */
  now: Date;
}

interface Update {
  at: Date;
  status: string;
  fields: Record<string, unknown>;
  body: string;
}

/** Status sequences for 3 to 6 updates (a few six-update stories reopen after a first all-clear, below). */
const INCIDENT_STORIES: string[][] = [
  ['investigating', 'identified', 'resolved'],
  ['investigating', 'identified', 'monitoring', 'resolved'],
  ['investigating', 'identified', 'identified', 'monitoring', 'resolved'],
  ['investigating', 'identified', 'identified', 'identified', 'monitoring', 'resolved'],
];

/** Gives an incident its folder name from the day it started and its title, unique within the site. */
export type Namer = (day: string, title: string) => string;

export class IncidentWriter {
  readonly config: Config;
  readonly rnd: Random;
  readonly folderName: Namer;

  constructor(config: Config, rnd: Random, folderName: Namer) {
    this.config = config;
    this.rnd = rnd;
    this.folderName = folderName;
  }

  private names(ids: string[], locale: string): string {
    return ids.map((id) => localize(this.config.components.find((c) => c.id === id)!.name, locale, this.config.locale)).join(', ');
  }

  /** Languages this incident is translated into: most are not, some into two, a few into all five. */
  private languages(): string[] {
    const r = this.rnd.next();
    if (r < 0.05) return Object.keys(TRANSLATIONS);
    if (r < 0.2) return ['de', 'fr'];
    return [];
  }

  /** An incident; an `open` one is still being worked on at `now`, its next update promised for later. */
  incident(plan: Plan, options: { open?: boolean } = {}): { id: string; files: Files } {
    const rnd = this.rnd;
    const impact = rnd.next() < 0.55 ? 'minor' : rnd.next() < 0.78 ? 'major' : 'critical';
    const primary = rnd.pick(this.config.components).id;
    const components = rnd.chance(0.3) ? [...new Set([primary, rnd.pick(this.config.components).id])] : [primary];
    const region = rnd.chance(0.4) ? rnd.pick(this.config.regions) : undefined;
    const where = region ? ` in ${localize(region.name, 'en', 'en')}` : '';
    const symptom = rnd.pick(SYMPTOMS[primary]!);
    const title = fill(symptom.title, { where });
    const effect = fill(symptom.effect, { where });
    const folder = this.folderName(iso(plan.start).slice(0, 10), title);

    const story = options.open ? ['investigating', 'identified'] : rnd.chance(0.04) ? ['investigating', 'identified', 'resolved', 'investigating', 'monitoring', 'resolved'] : rnd.pick(INCIDENT_STORIES);
    const updates: Update[] = [];
    let at = new Date(plan.start.getTime() + rnd.int(3, 25) * MINUTE);
    story.forEach((status, i) => {
      const reopen = i > 0 && story[i - 1] === 'resolved';
      const final = status === 'resolved';
      const last = i === story.length - 1;
      const next = final ? undefined : options.open && last ? new Date(plan.now.getTime() + 30 * MINUTE) : new Date(at.getTime() + rnd.pick([30, 45, 60]) * MINUTE);
      const explicit = status === 'identified' && rnd.chance(0.3) ? { [primary]: rnd.pick(['degraded_performance', 'partial_outage']) } : undefined;
      const pool = reopen ? UPDATES.reopened : UPDATES[status as keyof typeof UPDATES];
      updates.push({
        at,
        status,
        fields: { status, reopen: reopen || undefined, next_update: next && iso(next), components: explicit, data_loss: final ? 'none' : undefined },
        body: fill(rnd.pick(pool), { effect, next: next ? spoken(next) : '' }),
      });
      // The next update comes before the promised time.
      at = new Date(at.getTime() + rnd.int(10, next ? Math.min(55, (next.getTime() - at.getTime()) / MINUTE - 2) : 55) * MINUTE);
    });

    const files: Files = {};
    const dir = `incidents/${folder}`;
    files[`${dir}/index.md`] = markdownFile(
      {
        title,
        kind: 'incident',
        impact,
        components,
        regions: region ? [region.id] : undefined,
        started: iso(plan.start),
        provider: rnd.chance(0.1) ? rnd.pick(PROVIDERS) : undefined,
        owner: rnd.chance(0.7) ? rnd.pick(OWNERS) : undefined,
      },
      rnd.chance(0.6) ? fill(SUMMARY, { effect }) : '',
    );
    this.writeUpdates(files, dir, updates, components, plan);

    const resolvedAt = options.open ? undefined : updates.at(-1)!.at;
    const published = resolvedAt && new Date(resolvedAt.getTime() + rnd.int(20, 60) * HOUR);
    // Teams publish a postmortem for every major or critical incident (the linter insists after 72 hours).
    if (impact !== 'minor' && published && published <= plan.now) {
      const timeline = updates.map((u) => `- ${iso(u.at).slice(11, 16)} ${u.status}`).join('\n');
      const body = fill(POSTMORTEM, { effect, start: spoken(plan.start), end: spoken(resolvedAt!), names: this.names(components, 'en'), timeline });
      files[`${dir}/postmortem.md`] = markdownFile({ published: iso(published) }, body);
    }
    return { id: folder, files };
  }

  maintenance(plan: Plan): { id: string; files: Files } {
    const rnd = this.rnd;
    const components = rnd.sample(this.config.components.map((c) => c.id), rnd.int(1, 3));
    const start = plan.start;
    const end = new Date(start.getTime() + 2 * HOUR);
    const names = this.names(components, 'en');
    const title = fill(rnd.pick(MAINTENANCE_TITLES), { names });
    const folder = this.folderName(iso(start).slice(0, 10), title);
    const dir = `incidents/${folder}`;
    const extended = rnd.chance(0.15);
    const steps: [number, string, Record<string, unknown>?][] = [[-3 * DAY, 'scheduled']];
    if (rnd.chance(0.5)) steps.push([-1 * DAY, 'scheduled']);
    steps.push([0, 'in_progress']);
    if (extended) steps.push([90 * MINUTE, 'in_progress', { scheduled_end: iso(new Date(end.getTime() + HOUR)) }]);
    if (rnd.chance(0.5)) steps.push([(extended ? 150 : 80) * MINUTE, 'verifying']);
    steps.push([(extended ? 170 : 110) * MINUTE, 'completed']);
    // An upcoming window has only its announcement so far.
    const posted = steps.filter(([offset]) => start.getTime() + offset <= plan.now.getTime());
    const updates: Update[] = posted.map(([offset, status, extra]) => ({
      at: new Date(start.getTime() + offset + rnd.int(0, 4) * MINUTE),
      status,
      fields: { status, ...extra },
      body: fill(UPDATES[status as 'scheduled'][0], { names, start: spoken(start), end: spoken(end) }),
    }));
    const files: Files = {};
    files[`${dir}/index.md`] = markdownFile(
      { title, kind: 'maintenance', components, scheduled: { start: iso(start), end: iso(end) }, owner: rnd.pick(OWNERS) },
      fill(UPDATES.scheduled[0], { names, start: spoken(start) }),
    );
    this.writeUpdates(files, dir, updates, components, plan);
    return { id: folder, files };
  }

  /** Update files, and the translations of index.md and every update for the languages picked. */
  private writeUpdates(files: Files, dir: string, updates: Update[], components: string[], plan: Plan) {
    for (const u of updates) files[`${dir}/${stem(u.at)}.md`] = markdownFile(u.fields, u.body);
    for (const locale of this.languages()) {
      const w = TRANSLATIONS[locale]!;
      const names = this.names(components, locale);
      const maintenance = plan.kind === 'maintenance';
      files[`${dir}/index.${locale}.md`] = markdownFile({ title: fill(maintenance ? w.maintenanceTitle : w.title, { names }) }, fill(maintenance ? w.scheduled : w.summary, { names, start: spoken(plan.start) }));
      for (const u of updates) {
        const next = u.fields.next_update as string | undefined;
        const text = fill(w[u.status as keyof typeof w], { names, next: next ? spoken(new Date(next)) : '', start: spoken(plan.start), end: spoken(new Date(plan.start.getTime() + 2 * HOUR)) });
        files[`${dir}/${stem(u.at)}.${locale}.md`] = `${text}\n`;
      }
    }
  }
}
