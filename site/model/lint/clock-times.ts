// A bare clock time in prose ("we'll post again by 09:15 UTC") on a site whose mirrors show other zones: the
// text then says one time while the page, in the mirror's zone, says another for the same moment.
import { TIME_TOKEN, timeToken } from '../time-tokens.ts';
import { DAY } from '../time.ts';
import type { Site } from '../site.ts';
import { customerText, type RawFinding } from './rules.ts';

// 09:15, 9:15 pm, 9 pm, 09h15, 9.15 Uhr, 9 Uhr, 9点15分, 1 h 00, kl. 06.52: clock times as each language writes them.
const CLOCK = new RegExp(
  [
    String.raw`\b(?:[01]?\d|2[0-3])[:h][0-5]\d(?:\s?[ap]\.?\s?m\b\.?)?`,
    String.raw`\b(?:1[0-2]|0?[1-9])\s?[ap]\.?\s?m\b\.?`,
    String.raw`\b(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\s?Uhr\b`,
    String.raw`(?:[01]?\d|2[0-3])\s?点(?:\s?[0-5]?\d\s?分)?`,
    // French "1 h 00", "à 20 h"; Swedish "kl. 06.52", "kl. 20".
    String.raw`\b(?:[01]?\d|2[0-3])\s?h\s?[0-5]\d\b`,
    String.raw`\b(?:de|à|vers|avant|après|jusqu’à)\s(?:[01]?\d|2[0-3])\s?h\b`,
    String.raw`\bkl\.?\s?(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\b`,
  ].join('|'),
  'gi',
);
const UTC_AFTER = /^\s*(?:UTC|GMT|Z)\b/;

/** The moment at hh:mm UTC closest to `posted`: "by 00:15" written at 23:50 means the next day. */
function nearest(posted: Date, hh: number, mm: number): Date {
  const same = Date.UTC(posted.getUTCFullYear(), posted.getUTCMonth(), posted.getUTCDate(), hh, mm);
  const best = [same - DAY, same, same + DAY].reduce((a, b) => (Math.abs(b - posted.getTime()) < Math.abs(a - posted.getTime()) ? b : a));
  return new Date(best);
}

/** Zones a site's mirrors show times in. */
export function mirrorZones(site: Site): string[] {
  return [...new Set(site.config.mirrors.map((m) => m.time_zone))];
}

export function bareClockTimes(site: Site): RawFinding[] {
  const zones = mirrorZones(site);
  if (zones.length < 2) return [];
  return customerText(site)
    .filter((u) => !u.postmortem)
    .flatMap((u) => {
      // Tokens and code are not prose a reader misreads.
      const text = u.text.replace(TIME_TOKEN, (m) => ' '.repeat(m.length)).replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length));
      return [...text.matchAll(CLOCK)].map((m) => {
        const utc = UTC_AFTER.test(text.slice(m.index + m[0].length));
        const posted = u.update?.at ?? u.incident.started;
        const hhmm = /^(\d{1,2})[:h](\d{2})$/.exec(m[0].trim());
        const example = utc && hhmm ? timeToken(nearest(posted, Number(hhmm[1]), Number(hhmm[2]))) : `{time:${posted.toISOString().slice(0, 10)}T09:15:00Z}`;
        return {
          file: u.file,
          line: u.line + (u.text.slice(0, m.index).match(/\n/g)?.length ?? 0),
          message: `"${m[0].trim()}" is a clock time in one zone, but this site's mirrors show times in ${zones.join(', ')}`,
          fix: `write the moment as ${example}${utc && hhmm ? ` in place of "${m[0].trim()} UTC"` : ' (the moment in UTC, or with its offset)'}: each mirror shows it in its own zone and language`,
        };
      });
    });
}
