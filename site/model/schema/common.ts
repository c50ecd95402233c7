// Building blocks shared by the config, incident, update and postmortem schemas.
import { z } from 'zod';
import { isTimeZone, parseZonedTimestamp, TIMESTAMP_EXAMPLE } from '../time.ts';

/** Lowercase ids used in files and URLs: `api`, `eu-west`, `card-payments`. */
export const idSchema = z
  .string({ error: 'must be text' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase letters, digits and single dashes, like "eu-west"' })
  .max(64, { error: 'must be at most 64 characters' });

/** A BCP 47 language tag such as `en`, `fr` or `zh-CN`. */
export const localeSchema = z
  .string({ error: 'must be a language tag' })
  .regex(/^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?$/, { error: 'must be a language tag like "en", "fr" or "zh-CN"' });

/** Text shown to customers: one string, or one per locale (`{ en: "API", fr: "API" }`). */
export const localizedTextSchema = z.union(
  [z.string().trim().min(1, { error: 'must not be empty' }).max(500), z.record(localeSchema, z.string().trim().min(1).max(500))],
  { error: 'must be text, or a map from language to text like { en: "Payments", fr: "Paiements" }' },
);
export type LocalizedText = z.output<typeof localizedTextSchema>;

/** An instant with an explicit zone. Bare local times are rejected rather than guessed. */
export const timestampSchema = z
  .string({ error: `must be a timestamp with a zone, like ${TIMESTAMP_EXAMPLE}` })
  .transform((text, ctx) => {
    const parsed = parseZonedTimestamp(text.trim());
    if (parsed.ok) return parsed.date;
    ctx.addIssue({ code: 'custom', message: parsed.problem, params: { fix: `write it like ${TIMESTAMP_EXAMPLE} (UTC) or 2026-11-22T11:14:00+01:00` } });
    return z.NEVER;
  });

/** An IANA time zone such as `Europe/Paris`. */
export const timeZoneSchema = z.string().refine(isTimeZone, { error: 'is not an IANA time zone', params: { fix: 'use a name like "UTC", "Europe/Berlin" or "Australia/Sydney"' } });

/** A GitHub user handle, with or without the leading "@". */
export const githubHandleSchema = z
  .string()
  .transform((s) => s.replace(/^@/, ''))
  .pipe(
    z.string().refine((s) => /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(s), {
      error: 'is not a GitHub handle',
      params: { fix: 'write the GitHub user name, e.g. "octocat"' },
    }),
  );

export const absoluteUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL like https://status.example.com/' });

/**
 * `draft: true` on an index, update or postmortem file: the file is read and checked but never published — no
 * page, feed, API document, calendar entry or notification. Delete the line to publish it.
 */
export const draftSchema = z.literal(true, { error: 'must be true, or be left out once the text is ready to publish' }).optional();
