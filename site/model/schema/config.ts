// The site configuration (`candor.config.yaml`): what a team edits besides its incidents.
import { z } from 'zod';
import { COMPONENT_STATES, INDICATORS } from '../states.ts';
import { absoluteUrlSchema, idSchema, localeSchema, localizedTextSchema, timestampSchema, timeZoneSchema } from './common.ts';
import { monitoringSchema } from './monitoring.ts';
import { identitySchema, subscribeSchema } from './identity.ts';
import { notificationsSchema } from './notifications.ts';

export const impactSchema = z.strictObject({
  /** Customer-facing name of the level; `none`, `minor`, `major` and `critical` have translated defaults. */
  name: localizedTextSchema.optional(),
  /** State given to affected components while the incident is open, unless an update says otherwise. */
  component_state: z.enum(COMPONENT_STATES),
  /**
   * Statuspage page indicator this level maps to. `none` is a level with no service impact (Statuspage's impact
   * "none", kept by `candor import`): it raises neither the page's status nor, with `component_state: operational`,
   * any component's.
   */
  indicator: z.enum(INDICATORS),
});

export const regionSchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
});

export const groupSchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /** The group's id on the page it was imported from; /api/v2 serves it unchanged. */
  source_id: z.string().trim().min(1).max(100).optional(),
});

export const componentSchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /** Id of the group it is listed under. */
  group: idSchema.optional(),
  /** Regions it runs in; omitted means every configured region. */
  regions: z.array(idSchema).optional(),
  /** First day it existed (`YYYY-MM-DD`); uptime before it is shown as "no data". */
  since: z.iso.date({ error: 'must be a date like 2026-01-31' }).optional(),
  /** Listed only while it is not operational. */
  only_show_if_degraded: z.boolean().default(false),
  /** The component's id on the page it was imported from; /api/v2 serves it unchanged. */
  source_id: z.string().trim().min(1).max(100).optional(),
});

const name = z.string().trim().min(1).max(200);

/**
 * Where a mirror is deployed. Each mirror deploys on its own, to its own infrastructure. Ids and names go here;
 * secrets never do: they live in the mirror's GitHub environment (docs: deploying).
 */
export const deploySchema = z.discriminatedUnion(
  'target',
  [
    /** GitHub Pages of this repository (one mirror per repository); no secrets, the job uses OIDC. */
    z.strictObject({ target: z.literal('github-pages') }),
    /** Cloudflare Pages; secrets CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID in the mirror's environment. */
    z.strictObject({ target: z.literal('cloudflare-pages'), /** Cloudflare Pages project name. */ project: name }),
    /** Netlify; secret NETLIFY_AUTH_TOKEN in the mirror's environment. */
    z.strictObject({ target: z.literal('netlify'), /** Netlify site id (API id). */ site_id: name }),
    /** An S3 bucket, optionally behind CloudFront; the job assumes `role_arn` through GitHub's OIDC provider. */
    z.strictObject({
      target: z.literal('s3'),
      /** Bucket the files are uploaded to (under the mirror's base path). */
      bucket: name,
      /** AWS region of the bucket. */
      region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'must be an AWS region like "eu-central-1"' }),
      /** IAM role GitHub's OIDC token assumes; no long-lived keys. */
      role_arn: z.string().regex(/^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@\/-]+$/, { error: 'must be an IAM role ARN like "arn:aws:iam::123456789012:role/status-deploy"' }),
      /** CloudFront distribution to invalidate after upload. */
      distribution_id: z.string().regex(/^[A-Z0-9]{8,20}$/).optional(),
    }),
  ],
  { error: 'must have target github-pages, cloudflare-pages, netlify or s3' },
);

export const mirrorSchema = z.strictObject({
  id: idSchema,
  /** How other mirrors name this one in their "other regions" links, e.g. "Europe". Defaults to its host name. */
  name: localizedTextSchema.optional(),
  /** Public URL of this mirror, including its base path: `https://status.example.com.au/` or `https://example.com/status/`. */
  url: absoluteUrlSchema,
  /** Language served at the mirror's root. */
  locale: localeSchema,
  /** Every language this mirror serves; the others get a `/<locale>/` prefix. Defaults to just `locale`. */
  locales: z.array(localeSchema).min(1).optional(),
  /** IANA zone times are shown in. */
  time_zone: timeZoneSchema.default('UTC'),
  /** Regions shown first on this mirror; empty means no focus. */
  regions: z.array(idSchema).default([]),
  /** Where GitHub Actions deploys it; omitted means it is built but not deployed. */
  deploy: deploySchema.optional(),
});

/** A lint rule's setting: off, a severity, or a severity plus extra words to look for. */
export const lintRuleSchema = z.union(
  [
    z.enum(['off', 'error', 'warning']),
    z.strictObject({ severity: z.enum(['off', 'error', 'warning']).optional(), words: z.array(z.string().trim().min(1)).optional() }),
  ],
  { error: 'must be off, error, warning, or { severity: warning, words: [SLA] }' },
);

export const uptimeSchema = z.strictObject({
  /** Days shown in uptime bars. */
  days: z.number().int().min(7).max(366).default(90),
  /**
   * Which uptime the uptime badges give: `declared` (from incidents) or `measured` (from monitoring checks; a
   * component no check measures falls back to declared). Component pages show both either way.
   */
  source: z.enum(['declared', 'measured']).default('declared'),
  /** Share of each minute counted as downtime per state. */
  weights: z
    .strictObject({
      /** Share of a minute of major outage counted as downtime. */
      major_outage: z.number().min(0).max(1).default(1),
      /** Share of a minute of partial outage counted as downtime. */
      partial_outage: z.number().min(0).max(1).default(0.5),
      /** Share of a minute of degraded performance counted as downtime. */
      degraded_performance: z.number().min(0).max(1).default(0),
      /** Share of a minute under maintenance counted as downtime. */
      under_maintenance: z.number().min(0).max(1).default(0),
    })
    .prefault({}),
});

export const DEFAULT_IMPACTS = {
  minor: { component_state: 'degraded_performance', indicator: 'minor' },
  major: { component_state: 'partial_outage', indicator: 'major' },
  critical: { component_state: 'major_outage', indicator: 'critical' },
} as const;

export const configSchema = z.strictObject({
  /** The name customers know you by, shown in titles and the header. */
  name: localizedTextSchema,
  /** One line under the name. */
  description: localizedTextSchema.optional(),
  /** Where customers reach a human when the page is not enough. */
  support_url: absoluteUrlSchema.optional(),
  /**
   * Your brand: the logo (with a dark-mode variant), the accent colour of links, buttons, focus rings and the tab
   * icon, the favicon, theme colour and social preview image. For example
   * `identity: { logo: assets/logo.svg, logo_dark: assets/logo-dark.svg, accent: '#0b6e63' }`.
   */
  identity: identitySchema.prefault({}),
  /** Sign-up links the subscribe page offers besides feeds and the calendar. */
  subscribe: subscribeSchema.prefault({}),
  /** Language the incident files are written in. */
  locale: localeSchema.default('en'),
  /** Severity levels, by id. */
  impacts: z.record(idSchema, impactSchema).default(DEFAULT_IMPACTS),
  /** Regions components run in and incidents can be limited to. */
  regions: z.array(regionSchema).default([]),
  /** Groups components are listed under, in display order. */
  groups: z.array(groupSchema).default([]),
  /** What customers use, in display order; each has its own state and uptime. */
  components: z.array(componentSchema).min(1, { error: 'must list at least one component' }),
  /** How uptime is counted and shown. */
  uptime: uptimeSchema.prefault({}),
  /** Checks Candor runs and alerts it accepts; they start drafts and measure uptime, they never post alone. */
  monitoring: monitoringSchema.prefault({}),
  /** Hours after resolution by which a major or critical incident should have a postmortem. */
  postmortem_due_hours: z.number().positive().default(72),
  /** How maintenance windows follow the clock when nobody posts (docs: Status over time). */
  maintenance: z
    .strictObject({
      /**
       * `true`: a window is "in progress" from its start and "completed" at its end unless an update says
       * otherwise, as Statuspage's automatic transitions do. `false`: only updates change its status.
       */
      automatic: z.boolean({ error: 'must be true or false' }).default(true),
    })
    .prefault({}),
  /**
   * For the shipped example only: the moment its content describes, used by build, preview, lint and the dev
   * server instead of the clock (and instead of --now), so the demo reads as one coherent moment on any day.
   * A real site never sets it: lint and `candor build` refuse it together with a deploy target.
   */
  example_clock: timestampSchema.optional(),
  /** Settings for the communication rules of `candor lint`, by rule id. */
  lint: z.record(z.string(), lintRuleSchema).default({}),
  /** The sites built from this content; the first is the primary one. */
  mirrors: z.array(mirrorSchema).min(1, { error: 'must define at least one mirror' }),
  /** Chat, webhook, email and social channels each new update is sent to after a deploy (`candor notify`). */
  notifications: notificationsSchema.prefault({}),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type ComponentConfig = Config['components'][number];
export type RegionConfig = Config['regions'][number];
export type GroupConfig = Config['groups'][number];
export type ImpactConfig = Config['impacts'][string];
export type MirrorConfig = Config['mirrors'][number];
