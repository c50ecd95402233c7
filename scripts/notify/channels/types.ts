// What every channel module gets and gives: one run's settings in, the messages for one update out.
import { createHash } from 'node:crypto';
import { messageParts, type MessageParts } from '../../../site/model/channels.ts';
import { localize } from '../../../site/model/format.ts';
import type { MirrorConfig } from '../../../site/model/schema/config.ts';
import type { ChannelConfig } from '../../../site/model/schema/notifications.ts';
import type { Site } from '../../../site/model/site.ts';
import { timeline } from '../../../site/model/timeline.ts';
import { absoluteUrl, mirrorLocales } from '../../../site/lib/urls.ts';
import type { NotifyEvent } from '../events.ts';
import type { NetOptions } from '../http.ts';
import type { SecretLookup } from '../secrets.ts';

export interface ChannelRun<C extends ChannelConfig = ChannelConfig> {
  site: Site;
  channel: C;
  /** The mirror the messages link to. */
  mirror: MirrorConfig;
  /** The channel's language. */
  locale: string;
  now: Date;
  secrets: SecretLookup;
  net: NetOptions;
}

/** Where a setting of this channel lives, for errors: `candor.config.yaml notifications.channels.2.instance`. */
export function configField(run: ChannelRun, field: string): string {
  return `candor.config.yaml notifications.channels.${run.site.config.notifications.channels.indexOf(run.channel)}.${field}`;
}

/** Where a URL held in a secret came from, for errors. */
export function secretSource(run: ChannelRun, field: string, secret: string): string {
  return `the secret ${secret} (${configField(run, field)}, channel ${run.channel.id})`;
}

/** One message to one receiver. */
export interface Outgoing {
  /** For channels with several receivers (email): a hash naming this one in the ledger. */
  to?: string;
  /** Exactly what would be sent, for dry runs: the request or the message, with secrets left out. */
  preview: string;
  send(): Promise<void>;
}

export interface ChannelSender {
  outgoing(event: NotifyEvent): Outgoing[] | Promise<Outgoing[]>;
  close?(): Promise<void>;
}

/**
 * A stable id for one message, from the parts that make it unique (update id, channel id, receiver): the same on
 * every run, so receivers and services that deduplicate (webhook-id, Idempotency-Key, Message-ID) drop a repeat.
 */
export function messageId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

/** The incident page in `locale` when the mirror serves that language, else in the mirror's own. */
export function incidentUrl(mirror: MirrorConfig, locale: string, incidentId: string): string {
  const served = mirrorLocales(mirror).includes(locale) ? locale : mirror.locale;
  return absoluteUrl(mirror, served, `incidents/${incidentId}/`);
}

export interface EventText extends MessageParts {
  siteName: string;
  /**
   * `critical`, `major`, `minor`, `none` (an impact level with no service impact), `maintenance` or `resolved`:
   * what colour chat channels give the message.
   */
  tone: 'critical' | 'major' | 'minor' | 'none' | 'maintenance' | 'resolved';
}

export function eventText(run: ChannelRun, event: NotifyEvent): EventText {
  const { site, mirror, locale } = run;
  const url = incidentUrl(mirror, locale, event.incident.id);
  const parts = messageParts(event.incident, event.update, { site, mirror, locale, url });
  const tl = timeline(event.incident, site.config, run.now);
  const indicator = event.incident.impact ? site.config.impacts[event.incident.impact]?.indicator : undefined;
  const tone = !tl.open ? 'resolved' : event.incident.kind === 'maintenance' ? 'maintenance' : (indicator ?? 'minor');
  return { ...parts, siteName: localize(site.config.name, locale, site.config.locale), tone };
}

/** Colours per tone, as chat services take them. */
export const TONE_COLOURS: Record<EventText['tone'], number> = {
  critical: 0xc62828,
  major: 0xe65100,
  minor: 0xf9a825,
  // Grey, as Statuspage shows an incident of impact "none".
  none: 0x616161,
  maintenance: 0x1565c0,
  resolved: 0x2e7d32,
};

/** A dry run's picture of an HTTP request whose URL is a secret. */
export function previewPost(secretName: string, headers: Record<string, string>, body: unknown): string {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return [`POST <${secretName}>`, ...lines, '', JSON.stringify(body, null, 2)].join('\n');
}
