// vague-time: "as soon as possible", "shortly", "in a few minutes" promise speed without a time, and a customer
// at 3 a.m. cannot plan on them. The only time worth promising is the next update's.
import { ideaFor, VAGUE_TIME } from './ideas.ts';
import { escapeRegExp, wordingFindings, type Rule } from './rules.ts';
import { findIdea } from './sentences.ts';

export const vagueTime: Rule = {
  id: 'vague-time',
  perIncident: true,
  severity: 'warning',
  summary: 'A promise of speed without a time ("as soon as possible", "shortly", "in a few minutes") and its equivalents in each language.',
  fix: 'Say what you are doing and give the time of the next update instead (next_update), e.g. "We will post again by 10:45 UTC."',
  example: { bad: 'We are working to restore service as soon as possible.', good: 'We are restoring service region by region and will post again by 10:45 UTC.' },
  check: ({ site, words }) =>
    wordingFindings(site, (w, many) => `${w} promise${many ? '' : 's'} speed without a time`, (u) => findIdea(u.text, u.locale, ideaFor(VAGUE_TIME, u.locale), words.map(escapeRegExp))),
};
