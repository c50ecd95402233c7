// Checks that need the config or the whole folder: references, time order, status order, translations.
import type { ContentError } from '../errors.ts';
import type { Config } from '../schema/config.ts';
import type { Incident } from '../site.ts';
import { isFinalStatus } from '../states.ts';
import { knownList } from '../suggest.ts';
import { closestLocale } from '../language.ts';
import { MINUTE } from '../time.ts';
import type { LineIndex, RejectedFile } from './folder.ts';

/** Clock skew tolerated between the machine that wrote an update and the one that builds it. */
const FUTURE_TOLERANCE = 5 * MINUTE;

export function checkIncident(incident: Incident, config: Config, locales: string[], now: Date, lines: LineIndex): ContentError[] {
  const errors: ContentError[] = [];
  const index = `${incident.dir}/index.md`;
  const at = (file: string, path: (string | number)[]) => lines.get(file)?.(path);
  const push = (file: string, path: (string | number)[], message: string, fix: string) =>
    errors.push({ file, line: at(file, path), field: path.length ? path.join('.') : undefined, message, fix });

  errors.push(...referenceErrors(index, { impact: incident.impact, components: incident.components, regions: incident.regions }, config, lines));
  if (incident.scheduled && incident.scheduled.end <= incident.scheduled.start) {
    push(index, ['scheduled', 'end'], 'ends before (or when) the window starts', 'set scheduled.end later than scheduled.start');
  }
  if (incident.kind === 'incident' && incident.started.getTime() > now.getTime() + FUTURE_TOLERANCE) {
    push(index, ['started'], `is in the future (${incident.started.toISOString()})`, 'an incident starts when customers are first affected; use that time');
  }
  if (incident.updates.length === 0) {
    errors.push({ file: index, message: 'has no updates', fix: 'add the first update beside it, e.g. 2026-11-22T1014Z.md with "status: investigating"' });
  }

  let previous: Incident['updates'][number] | undefined;
  for (const u of incident.updates) {
    const f = u.file;
    const stemTime = u.stem;
    if (Math.floor(u.at.getTime() / MINUTE) !== Math.floor(fileMinute(stemTime) / MINUTE)) {
      push(f, ['at'], `says ${u.at.toISOString()} but the file name says ${stemTime}`, 'make the file name and "at" the same UTC minute, or drop "at"');
    }
    if (previous && previous.at.getTime() === u.at.getTime()) {
      push(f, [], `has the same time as ${previous.file}`, 'two updates cannot share a moment; move one by a minute and rename its file');
    }
    // Most updates have no "at": their time is their file name's, and a message naming a field the file lacks
    // sends people looking for it. Only a written "at" has a line.
    const written = at(f, ['at']) !== undefined;
    const when = written ? ['at'] : [];
    const fromName = written ? '' : `: its time comes from its file name (${stemTime})`;
    if (incident.kind === 'incident' && u.at < incident.started) {
      push(f, when, `is posted before the incident started (${incident.started.toISOString()})${fromName}`, written ? 'fix the update time, or move "started" in index.md earlier' : 'rename the file to the UTC minute it was posted, or move "started" in index.md earlier');
    }
    if (u.at.getTime() > now.getTime() + FUTURE_TOLERANCE) {
      push(f, when, `is in the future (${u.at.toISOString()})${fromName}`, written ? 'set "at" to the time it is posted' : 'name the update by the UTC minute it is posted');
    }
    errors.push(...referenceErrors(f, { components: u.components }, config, lines));
    if (incident.kind === 'incident' && !isFinalStatus(u.status) && !u.nextUpdate) {
      push(f, ['next_update'], 'is missing on an unresolved incident', 'say when customers will hear from you next, e.g. "next_update: 2026-11-22T10:45:00Z"');
    }
    if (u.nextUpdate && u.nextUpdate <= u.at) {
      push(f, ['next_update'], 'is not after the update itself', 'promise a time after this update');
    }
    if (u.scheduledEnd && incident.scheduled && u.scheduledEnd <= incident.scheduled.start) {
      push(f, ['scheduled_end'], 'is before the window starts', 'set a new end after scheduled.start');
    }
    if (previous && isFinalStatus(previous.status) && !u.reopen) {
      push(f, ['status'], `follows "${previous.status}" without reopening`, 'add "reopen: true" if the problem came back, or post a new incident');
    }
    if (u.reopen && !(previous && isFinalStatus(previous.status))) {
      push(f, ['reopen'], 'only makes sense right after a resolved or completed update', 'remove "reopen: true"');
    }
    checkLocales(u.translations, locales, config.locale, errors);
    previous = u;
  }
  checkLocales(incident.translations, locales, config.locale, errors);
  if (incident.postmortem) {
    checkLocales(incident.postmortem.translations, locales, config.locale, errors);
    if (incident.postmortem.published < incident.started) {
      push(incident.postmortem.file, ['published'], 'is before the incident started', 'use the time the postmortem was published');
    }
  }
  return errors;
}

interface References {
  impact?: string;
  /** index.md lists components; an update maps them to states. */
  components?: string[] | Record<string, unknown>;
  regions?: string[];
}

/** Ids a file names that the config does not define. */
function referenceErrors(file: string, refs: References, config: Config, lines: LineIndex): ContentError[] {
  const errors: ContentError[] = [];
  const push = (path: (string | number)[], message: string, fix: string) => errors.push({ file, line: lines.get(file)?.(path), field: path.join('.'), message, fix });
  const components = config.components.map((c) => c.id);
  const regions = config.regions.map((r) => r.id);
  const impacts = Object.keys(config.impacts);
  if (refs.impact !== undefined && !impacts.includes(refs.impact)) push(['impact'], `unknown impact "${refs.impact}"`, knownList(refs.impact, impacts));
  if (Array.isArray(refs.components)) {
    refs.components.forEach((c, i) => {
      if (!components.includes(c)) push(['components', i], `unknown component "${c}"`, knownList(c, components));
    });
  } else {
    for (const c of Object.keys(refs.components ?? {})) if (!components.includes(c)) push(['components', c], `unknown component "${c}"`, knownList(c, components));
  }
  refs.regions?.forEach((r, i) => {
    if (!regions.includes(r)) push(['regions', i], `unknown region "${r}"`, knownList(r, regions));
  });
  return errors;
}

/**
 * References in a file that failed its schema, so a misspelt id is reported in the same run as the schema problem
 * beside it. Only values of the right shape are looked at: a wrong shape is the schema's message already.
 */
export function checkRawReferences({ file, data }: RejectedFile, config: Config, lines: LineIndex): ContentError[] {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const texts = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);
  const map = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  return referenceErrors(file, { impact: text(data.impact), components: texts(data.components) ?? map(data.components), regions: texts(data.regions) }, config, lines);
}

function checkLocales(translations: Record<string, { file: string }>, locales: string[], source: string, errors: ContentError[]) {
  for (const [locale, t] of Object.entries(translations)) {
    if (locale === source) {
      errors.push({ file: t.file, message: `is a translation into "${locale}", the language the content is written in`, fix: 'put the text in the original file and delete this one' });
    } else if (!locales.some((served) => closestLocale([locale], served) === locale)) {
      // A translation counts when some mirror's language reads it: `fr` serves an fr-CA mirror too.
      errors.push({ file: t.file, message: `is a translation into "${locale}", which no mirror serves`, fix: knownList(locale, locales.filter((l) => l !== source)) });
    }
  }
}

function fileMinute(stem: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})?Z$/.exec(stem)!;
  return Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}Z`);
}
