// One notification run: the update files the commits added, to every channel whose filter takes them, each at
// most once per channel and receiver (the ledger), oldest first, the channels side by side. A failing channel
// is retried, then reported; it never stops the others. Each message moves through the ledger's states
// (delivery-state.ts): one that certainly failed is sent again by the next run or re-run; one that may have
// arrived (unsure) waits for a person. The ledger's position moves on, and only forward, when every message of
// the range was sent.
import type { ChannelConfig } from '../../site/model/schema/notifications.ts';
import type { Site } from '../../site/model/site.ts';
import { affectedComponents } from '../../site/model/timeline.ts';
import { bluesky, mastodon } from './channels/social.ts';
import { discord } from './channels/discord.ts';
import { email } from './channels/email.ts';
import { slack } from './channels/slack.ts';
import { teams } from './channels/teams.ts';
import type { ChannelRun, ChannelSender } from './channels/types.ts';
import { webhook } from './channels/webhook.ts';
import { accepts, eventsFor, type NotifyEvent } from './events.ts';
import { addedFiles, contentChanged, isAncestor, type Range } from './git.ts';
import { checkUrl, post, type NetOptions } from './http.ts';
import { messageName, type Ledger, type MessageKey } from './ledger.ts';
import { UnsureError } from './unsure.ts';
import { withRetries, type RetryPolicy } from './retry.ts';
import type { SecretLookup } from './secrets.ts';
import { feedUrls, publishPing } from './websub.ts';

export interface NotifyOptions {
  root: string;
  site: Site;
  now: Date;
  range: Range;
  ledger: Ledger;
  secrets: SecretLookup;
  policy: RetryPolicy;
  dryRun: boolean;
  /** Mirrors deployed by this run; channels linking to another deployed mirror wait for its deploy. All when undefined. */
  deployed?: string[];
  /** Only these channels. */
  channels?: string[];
  /** How receivers are reached: which addresses, how long to wait. */
  net: NetOptions;
  /** This run attempt's id (in CI: run id.attempt; locally, one made up per run). */
  attempt: string;
  /**
   * Whether an earlier step reserved for this attempt (CI: `--reserve`, then the ledger is pushed, then the send):
   * only what this attempt reserved is sent. Otherwise (a local run) each message is reserved just before sending.
   */
  reservedAhead: boolean;
  /** Only record what this attempt will send (the CI step before sending). */
  reserve?: boolean;
  log: (line: string) => void;
  /**
   * Update files the range added to parts of the content that are broken now (published as an earlier version,
   * or not at all): they cannot be announced yet, so the ledger's position stays and a later run sends them.
   */
  waiting?: string[];
}

export interface Result {
  channel: string;
  update: string;
  /** Hash of the receiver, for channels with several. */
  to?: string;
  result: 'sent' | 'already-sent' | 'failed' | 'held' | 'preview' | 'reserved' | 'unsure';
  detail?: string;
  preview?: string;
}

export interface NotifyReport {
  dryRun: boolean;
  range: Range;
  events: NotifyEvent[];
  results: Result[];
  websub: { feed: string; ok: boolean; detail?: string }[];
  /** Whether the ledger's position moved to the range's end. */
  advanced: boolean;
}

function openChannel(run: ChannelRun, root: string, dryRun: boolean): ChannelSender {
  const c = run.channel;
  switch (c.type) {
    case 'slack': return slack({ ...run, channel: c });
    case 'teams': return teams({ ...run, channel: c });
    case 'discord': return discord({ ...run, channel: c });
    case 'webhook': return webhook({ ...run, channel: c });
    case 'email': return email({ ...run, channel: c }, root, dryRun);
    case 'mastodon': return mastodon({ ...run, channel: c });
    case 'bluesky': return bluesky({ ...run, channel: c });
  }
}

export async function notify(o: NotifyOptions): Promise<NotifyReport> {
  const { site, ledger } = o;
  const events = eventsFor(site, addedFiles(o.root, o.range));
  const config = site.config.notifications;
  const channels = config.channels.filter((c) => !o.channels || o.channels.includes(c.id));
  o.log(`${events.length} new update(s) in ${o.range.since.slice(0, 7)}..${o.range.until.slice(0, 7)}; ${channels.length} channel(s)`);

  const perChannel = await Promise.all(channels.map((channel) => deliverChannel(o, channel, events)));
  const results = perChannel.flat();
  const websub = o.reserve ? [] : await pingHub(o, events);
  // Only what is known to have arrived counts: an unsure message holds the position until a person settles it.
  const complete = results.every((r) => r.result === 'sent' || r.result === 'already-sent') && websub.every((w) => w.ok);
  // Never backwards: a re-run of an older commit after a newer run leaves the newer position. (Sideways, after a
  // force-push, is allowed: otherwise the position could never move again.)
  const position = ledger.position()?.commit;
  const forward = !position || !isAncestor(o.root, o.range.until, position);
  const advanced = !o.dryRun && !o.reserve && complete && forward && !o.waiting?.length;
  if (advanced) ledger.advance(o.range.until, o.now);
  return { dryRun: o.dryRun, range: o.range, events, results, websub, advanced };
}

async function deliverChannel(o: NotifyOptions, channel: ChannelConfig, events: NotifyEvent[]): Promise<Result[]> {
  const { site } = o;
  const mirror = site.config.mirrors.find((m) => m.id === channel.mirror) ?? site.config.mirrors[0]!;
  const wanted = events.filter((e) => accepts(channel.filter, e, site));
  if (!wanted.length) return [];
  // Mirrors without a deploy target are published some other way; this run cannot tell when, so it does not wait.
  if (o.deployed && mirror.deploy && !o.deployed.includes(mirror.id)) {
    // Its links would lead to a page that is not there yet; the next successful deploy of that mirror sends them.
    return wanted.map((e) => ({ channel: channel.id, update: e.update.id, result: 'held', detail: `mirror ${mirror.id} was not deployed by this run` }));
  }
  // Reserving needs no secrets and no receivers: one reservation per channel and update covers all its messages.
  if (o.reserve) {
    // Never sent, or certainly failed: this attempt will send it. Sent, unsure, or reserved by another attempt: the
    // sending step tells which.
    return wanted
      .filter((e) => o.ledger.needsReserving({ channel: channel.id, update: e.update.id }))
      .map((e) => {
        const base = { channel: channel.id, update: e.update.id };
        o.ledger.move(base, 'reserved', { attempt: o.attempt, commit: o.range.until });
        return { ...base, result: 'reserved' } satisfies Result;
      });
  }
  const run: ChannelRun = { site, channel, mirror, locale: channel.locale ?? mirror.locale, now: o.now, secrets: o.secrets, net: o.net };
  const sender = openChannel(run, o.root, o.dryRun);
  const results: Result[] = [];
  // After a failure, later updates to the same receiver wait too: they must not arrive before the one missing.
  const blocked = new Set<string>();
  const by = (detail?: string) => ({ attempt: o.attempt, commit: o.range.until, ...(detail ? { detail } : {}) });
  try {
    for (const event of wanted) {
      for (const item of await sender.outgoing(event)) {
        const key: MessageKey = { channel: channel.id, update: event.update.id, ...(item.to ? { to: item.to } : {}) };
        const base = { channel: channel.id, update: event.update.id, to: item.to };
        const receiver = item.to ?? '';
        let { state, attempt, detail } = o.ledger.state(key);
        if (state === 'sent') {
          results.push({ ...base, result: 'already-sent' });
          continue;
        }
        if (o.dryRun) {
          results.push({ ...base, result: 'preview', preview: item.preview });
          continue;
        }
        if (state === 'reserved' && attempt !== o.attempt) {
          // The attempt that reserved it left no outcome: killed, or its ledger push was lost after sending.
          detail = `run ${attempt} was about to send it and its record was never saved; it may have gone out`;
          o.ledger.move(key, 'unsure', by(detail));
          state = 'unsure';
        }
        if (state === 'unsure') {
          results.push({ ...base, result: 'unsure', detail: `${detail ?? 'it may have arrived'}. Check the channel, then settle it: ${messageName(key)}` });
          continue;
        }
        if (o.reservedAhead && state !== 'reserved') {
          results.push({ ...base, result: 'held', detail: 'not reserved before sending (run with --reserve first and save the ledger)' });
          continue;
        }
        if (blocked.has(receiver)) {
          const why = 'an earlier update to this receiver was not delivered';
          // Certainly not sent: the next run sends it, after the one before it.
          if (state === 'reserved') o.ledger.move(key, 'failed', by(`held: ${why}`));
          results.push({ ...base, result: 'held', detail: why });
          continue;
        }
        if (state !== 'reserved') o.ledger.move(key, 'reserved', by());
        try {
          await withRetries(o.policy, () => item.send(), (e, n) => o.log(`${channel.id}: ${event.update.id}: ${e.message}; retry ${n} of ${o.policy.retries}`));
          o.ledger.move(key, 'sent', by());
          results.push({ ...base, result: 'sent' });
        } catch (e) {
          const message = (e as Error).message;
          if (e instanceof UnsureError) {
            o.ledger.move(key, 'unsure', by(message));
            results.push({ ...base, result: 'unsure', detail: `${message}. Check the channel, then settle it: ${messageName(key)}` });
          } else {
            blocked.add(receiver);
            o.ledger.move(key, 'failed', by(message));
            results.push({ ...base, result: 'failed', detail: message });
          }
        }
      }
    }
  } finally {
    await sender.close?.();
  }
  return results;
}

async function pingHub(o: NotifyOptions, events: NotifyEvent[]): Promise<NotifyReport['websub']> {
  const hub = o.site.config.notifications.websub_hub;
  if (!hub || !contentChanged(o.root, o.range)) return [];
  const components = [...new Set(events.flatMap((e) => affectedComponents(e.incident)))];
  const mirrors = o.site.config.mirrors.filter((m) => !o.deployed || o.deployed.includes(m.id));
  const feeds = mirrors.flatMap((m) => feedUrls(m, components));
  if (o.dryRun) {
    for (const feed of feeds) o.log(`would ping ${hub}: ${publishPing(feed)}`);
    return [];
  }
  const out: NotifyReport['websub'] = [];
  for (const feed of feeds) {
    try {
      const source = 'candor.config.yaml notifications.websub_hub';
      await withRetries(o.policy, () => post({ url: checkUrl(hub, source).href, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: publishPing(feed), source }, o.net));
      out.push({ feed, ok: true });
    } catch (e) {
      out.push({ feed, ok: false, detail: (e as Error).message });
    }
  }
  return out;
}
