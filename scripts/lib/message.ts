// Fills a template for one update: facts Candor knows (components, regions, times, provider) go in by
// themselves; the words only the engineer knows come from --set, or are asked for.
import { t } from '../../site/i18n/index.ts';
import { localize } from '../../site/model/format.ts';
import { timeToken } from '../../site/model/time-tokens.ts';
import type { Site } from '../../site/model/site.ts';
import { fillTemplate, templateVariables } from '../../site/model/templates/fill.ts';
import { joinList } from '../../site/model/templates/sentence.ts';
import type { Template } from '../../site/model/templates/library.ts';
import type { Asker } from './ask.ts';
import { CliError } from './cli-error.ts';

export interface Facts {
  components: string[];
  regions: string[];
  at: Date;
  /** "Working normally since …": when it recovered (the all-clear), or the time of posting. */
  since?: Date;
  nextUpdate?: Date;
  provider?: string;
  window?: { start: Date; end: Date };
}

/** Hints shown when asking for a template's own words. */
const HINTS: Record<string, string> = {
  what: 'What customers are trying to do, as a verb phrase ("pay invoices by card")',
  consequence: 'What that means for them ("Invoices stay unpaid until they retry")',
  workaround: 'A workaround, if there is one (empty for none)',
  still_affected: 'What still does not work until the fix is in',
  action: 'What customers should do now, if anything',
  after_effects: 'Anything customers may still notice',
  follow_up: 'Follow-up: a postmortem, credits, what to check (optional)',
  prepare: 'What customers can do to prepare (optional)',
  after: 'Anything to check afterwards (optional)',
  reason: 'Why it takes longer, in plain words (optional)',
};

/** The filled message, and the writer's own answers ("what" is kept in index.md for the next update). */
export async function composeMessage(site: Site, template: Template, facts: Facts, sets: Record<string, string>, ask: Asker): Promise<{ text: string; answers: Record<string, string> }> {
  const locale = template.locale;
  const source = site.config.locale;
  const list = { format: (items: string[]) => joinList(items, locale) };
  const name = <T extends { id: string; name: Parameters<typeof localize>[0] }>(all: T[], id: string) => localize(all.find((x) => x.id === id)?.name ?? id, locale, source);
  const known: Record<string, string | undefined> = {
    components: list.format(facts.components.map((c) => name(site.config.components, c))),
    regions: facts.regions.length ? list.format(facts.regions.map((r) => name(site.config.regions, r))) : t(locale, 'template.allRegions'),
    // Moments go in as {time:…} tokens, so each mirror shows them in its own zone and language, the same
    // as the "Next update by …" line under the text.
    next_update: facts.nextUpdate && timeToken(facts.nextUpdate),
    since: timeToken(facts.since ?? facts.at),
    provider: facts.provider,
    // A window is an appointment: its start always carries the date, even on the day it is announced.
    window_start: facts.window && timeToken(facts.window.start, { withDate: true }),
    window_end: facts.window && timeToken(facts.window.end),
  };
  const values: Record<string, string | undefined> = { ...known, ...sets };
  const unanswered: string[] = [];
  for (const v of templateVariables(template.body)) {
    if (values[v.name] !== undefined) continue;
    if (!ask.interactive) {
      if (!v.optional) unanswered.push(v.name);
      continue;
    }
    values[v.name] = await ask.text(undefined, `--set ${v.name}=…`, HINTS[v.name] ?? v.name, { optional: v.optional });
  }
  if (unanswered.length) {
    throw new CliError(`the "${template.id}" template needs words only you know: ${unanswered.map((n) => `--set ${n}="…"`).join(' ')}\n  ${unanswered.map((n) => `${n}: ${HINTS[n] ?? 'see the template'}`).join('\n  ')}`, 2);
  }
  const names = [...site.config.components, ...site.config.regions].map((x) => localize(x.name, locale, source)).concat(facts.provider ?? []);
  const { text, missing } = fillTemplate(template.body, values, { locale, facts: Object.keys(known), names });
  if (missing.length) throw new CliError(`the "${template.id}" template needs: ${missing.map((n) => `--set ${n}="…"`).join(' ')}`, 2);
  const answers = Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => !(e[0] in known) && Boolean(e[1]?.trim())));
  return { text, answers };
}

/** `--set what="pay invoices"` flags as a map. */
export function parseSets(sets: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sets ?? []) {
    const i = s.indexOf('=');
    if (i < 1) throw new CliError(`--set takes name=value, got "${s}"`, 2);
    out[s.slice(0, i).trim()] = s.slice(i + 1);
  }
  return out;
}
