// What the owner declares about monitoring (checks Candor runs, alerts it accepts) and the measurements checks
// leave behind: the contract between the check runner, the alert reader, the draft writer and the pages.
// Nothing here is ever shown verbatim to readers except `label`: targets, hosts and alert bodies stay private.
import { z } from 'zod';
import { idSchema, localizedTextSchema } from './common.ts';

const durationSchema = z
  .string({ error: 'must be a duration like 90s, 10m or 1h' })
  .regex(/^\d+(s|m|h|d)$/, { error: 'must be a duration like 90s, 10m or 1h' });

export const httpCheckSchema = z.strictObject({
  /** The address a GET is sent to (redirects followed). Private: never published. */
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }),
  /** The status code a healthy answer has. */
  status: z.number().int().min(100).max(599).default(200),
  /** Text a healthy answer's body contains. */
  body: z.string().min(1).max(200).optional(),
  /** Slower than this counts as a failure; also how long the check waits for an answer. */
  latency_ms: z.number().int().positive().max(60_000).default(5000),
});

export const tcpCheckSchema = z.strictObject({
  /** Host name or address connected to. Private: never published. */
  host: z.string().trim().min(1).max(253),
  /** Port connected to. */
  port: z.number().int().min(1).max(65535),
  /** A connection slower than this counts as a failure; also how long the check waits for it. */
  latency_ms: z.number().int().positive().max(60_000).default(5000),
});

export const heartbeatCheckSchema = z.strictObject({
  /** How often the job pings (a dispatch or a commit of its ping file). */
  every: durationSchema,
  /** How late a ping may be before it counts as missed. */
  grace: durationSchema.default('5m'),
});

export const checkSchema = z
  .strictObject({
    /** Names the check and its measured-days file `monitoring/<id>.json`; never shown to readers. */
    id: idSchema,
    /** The component a failure drafts an incident for. */
    component: idSchema,
    /** Regions the check stands for; none means every region the component runs in. */
    regions: z.array(idSchema).default([]),
    /** What readers see for this check; never the target. */
    label: localizedTextSchema.optional(),
    /** An HTTP(S) check: expected status, text in the body, a latency budget. */
    http: httpCheckSchema.optional(),
    /** A TCP connect check. */
    tcp: tcpCheckSchema.optional(),
    /** A job that must ping (commit `monitoring/heartbeats/<id>` or send a `candor-heartbeat` dispatch) in time. */
    heartbeat: heartbeatCheckSchema.optional(),
    /** Impact id (from `impacts`) the drafted incident gets; the "investigating-detected" template's otherwise. */
    impact: idSchema.optional(),
    /** Publish the drafted acknowledgement without a person, after this many failed runs in a row. Off unless set. */
    auto_publish_after: z.number().int().min(2).max(100).optional(),
  })
  .refine((c) => [c.http, c.tcp, c.heartbeat].filter(Boolean).length === 1, {
    error: 'must have exactly one of http, tcp or heartbeat',
  });

/** Maps alerts from a monitoring tool to components: every label in `match` must equal the alert's. */
export const alertRouteSchema = z.strictObject({
  /** Labels (Datadog: tags `key:value`) an alert must all have, with these values, to take this route. */
  match: z.record(z.string().min(1).max(100), z.string().max(200)).refine((m) => Object.keys(m).length > 0, { error: 'must name at least one label' }),
  /** The component a firing alert on this route drafts an incident for. */
  component: idSchema,
  /** Regions it affects; none means every region the component runs in. */
  regions: z.array(idSchema).default([]),
  /** Impact id (from `impacts`) the drafted incident gets; the "investigating-detected" template's otherwise. */
  impact: idSchema.optional(),
});

export const monitoringSchema = z.strictObject({
  /** Checks the Monitor workflow runs every 5 minutes (docs: monitoring). */
  checks: z.array(checkSchema).default([]),
  /** Routes from alerts (Alertmanager, Grafana, Datadog, generic) to components, by labels. */
  alerts: z.array(alertRouteSchema).default([]),
});

/**
 * One UTC day of one check, as kept in `monitoring/<check-id>.json` beside the config (newest last, at most
 * `uptime.days` days: older days are dropped when a day is added, so the file stays bounded).
 */
export const measuredDaySchema = z.strictObject({
  date: z.iso.date(),
  /** Runs that completed this day. */
  runs: z.number().int().min(0),
  /** Runs that failed (wrong status, missing text, too slow, refused, or a missed heartbeat). */
  failures: z.number().int().min(0),
  /** Median and 95th-percentile response time of this day's successful runs, when it has any. */
  p50_ms: z.number().int().min(0).optional(),
  p95_ms: z.number().int().min(0).optional(),
});

export const measurementsSchema = z.strictObject({
  check: idSchema,
  days: z.array(measuredDaySchema).max(366),
});

export type Check = z.infer<typeof checkSchema>;
export type AlertRoute = z.infer<typeof alertRouteSchema>;
export type Monitoring = z.infer<typeof monitoringSchema>;
export type MeasuredDay = z.infer<typeof measuredDaySchema>;
export type Measurements = z.infer<typeof measurementsSchema>;
