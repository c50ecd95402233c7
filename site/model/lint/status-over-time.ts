// Rules about what the page says over time: drafts that are not published, clock times in prose, the example clock.
import { deployedOnExampleClock } from '../example-clock.ts';
import { timeTokens } from '../time-tokens.ts';
import { bareClockTimes } from './clock-times.ts';
import { customerText, type Rule } from './rules.ts';

export const STATUS_OVER_TIME_RULES: Rule[] = [
  {
    id: 'bare-clock-time',
    perIncident: true,
    severity: 'warning',
    summary: 'A clock time written in prose ("by 09:15 UTC") on a site whose mirrors show different time zones.',
    fix: 'Write the moment as {time:2026-11-23T09:15:00Z}: each mirror shows it in its own zone and language.',
    check: ({ site }) => bareClockTimes(site),
  },
  {
    id: 'time-token',
    perIncident: true,
    severity: 'error',
    summary: 'A {time:…} moment that is not a timestamp with a zone, so it would show as written.',
    fix: 'Write a full timestamp with its zone, e.g. {time:2026-11-23T09:15:00Z} or {time:2026-11-23T10:15:00+01:00}.',
    check: ({ site }) =>
      customerText(site).flatMap((u) =>
        timeTokens(u.text)
          .filter((t) => t.problem)
          .map((t) => ({ file: u.file, line: u.line + (u.text.slice(0, t.index).match(/\n/g)?.length ?? 0), message: `${t.token}: ${t.problem}`, fix: '' })),
      ),
  },
  {
    id: 'draft',
    severity: 'warning',
    summary: 'A file marked `draft: true`: checked, but not published on any page, feed, API document or notification.',
    fix: 'When the text is final, delete the line "draft: true" (a postmortem also needs "published: <time>").',
    check: ({ site }) => site.drafts.map((file) => ({ file, message: 'is a draft, so it is not published', fix: '' })),
  },
  {
    id: 'example-clock',
    severity: 'error',
    summary: '`example_clock` set on a site that deploys, or content posted after the example\'s moment.',
    fix: 'Remove example_clock from candor.config.yaml: it is for the shipped example only, and a real site runs on the real clock.',
    check: ({ site }) => {
      const clock = site.config.example_clock;
      if (!clock) return [];
      const deployed = deployedOnExampleClock(site.config).map((m) => ({
        file: 'candor.config.yaml',
        message: `example_clock is set while mirror "${m.id}" deploys to ${m.deploy!.target}: the deployed site would show ${clock.toISOString()} as if it were now`,
        fix: '',
      }));
      const later = site.incidents.flatMap((i) => i.updates.filter((u) => u.at > clock)).map((u) => ({
        file: u.file,
        message: `is posted after example_clock (${clock.toISOString()}), so the example does not show it`,
        fix: 'move example_clock later, or remove it if this is a real site',
      }));
      return [...deployed, ...later];
    },
  },
];
