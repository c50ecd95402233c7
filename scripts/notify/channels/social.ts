// Social posts: the update in at most 280 characters with its link, a third party named generically (the
// text travels far beyond the status page), or the update's own `social:` text when the writer gave one.
// Mastodon: POST /api/v1/statuses with an Idempotency-Key, so a retried request never posts twice.
// Bluesky: a session from an app password, then an app.bsky.feed.post record with a link facet.
import { channelVariants } from '../../../site/model/channels.ts';
import type { ChannelConfig } from '../../../site/model/schema/notifications.ts';
import type { NotifyEvent } from '../events.ts';
import { checkUrl, post } from '../http.ts';
import { requireSecret } from '../secrets.ts';
import { UnsureError } from '../unsure.ts';
import { configField, incidentUrl, messageId, type ChannelRun, type ChannelSender } from './types.ts';

type Mastodon = Extract<ChannelConfig, { type: 'mastodon' }>;
type Bluesky = Extract<ChannelConfig, { type: 'bluesky' }>;

export function socialText(run: ChannelRun, event: NotifyEvent): { text: string; url: string } {
  const url = incidentUrl(run.mirror, run.locale, event.incident.id);
  return { text: channelVariants(event.incident, event.update, { site: run.site, mirror: run.mirror, locale: run.locale, url }).social, url };
}

const endpoint = (base: string, path: string) => new URL(path, base.endsWith('/') ? base : `${base}/`).href;

export function mastodon(run: ChannelRun<Mastodon>): ChannelSender {
  const { channel } = run;
  return {
    outgoing(event) {
      const { text } = socialText(run, event);
      const body = { status: text, visibility: 'public', language: run.locale.split('-')[0] };
      const url = endpoint(channel.instance, 'api/v1/statuses');
      const key = messageId(event.update.id, channel.id);
      return [
        {
          preview: [`POST ${url}`, `Authorization: Bearer <${channel.token_secret}>`, `Idempotency-Key: ${key}`, '', JSON.stringify(body, null, 2)].join('\n'),
          async send() {
            const token = requireSecret(run.secrets, channel.token_secret, `the Mastodon token of channel ${channel.id}`);
            const source = configField(run, 'instance');
            await post({ url: checkUrl(url, source).href, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': key }, body: JSON.stringify(body), source }, run.net);
          },
        },
      ];
    },
  };
}

/** The post record, with the link marked as a link facet (Bluesky counts its positions in UTF-8 bytes). */
export function blueskyRecord(text: string, url: string, locale: string, at: Date) {
  const start = Buffer.byteLength(text.slice(0, text.lastIndexOf(url)), 'utf8');
  return {
    $type: 'app.bsky.feed.post',
    text,
    createdAt: at.toISOString(),
    langs: [locale],
    facets: text.includes(url) ? [{ index: { byteStart: start, byteEnd: start + Buffer.byteLength(url, 'utf8') }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: url }] }] : [],
  };
}

export function bluesky(run: ChannelRun<Bluesky>): ChannelSender {
  const { channel } = run;
  let session: Promise<{ accessJwt: string; did: string }> | undefined;
  const login = () =>
    (session ??= (async () => {
      const password = requireSecret(run.secrets, channel.password_secret, `the Bluesky app password of channel ${channel.id}`);
      const source = configField(run, 'service');
      const url = checkUrl(endpoint(channel.service, 'xrpc/com.atproto.server.createSession'), source).href;
      const response = await post({ url, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier: channel.handle, password }), source }, run.net);
      try {
        return JSON.parse(response.body) as { accessJwt: string; did: string };
      } catch {
        throw new Error(`${source}: the session answer was not JSON`);
      }
    })().catch((e) => {
      session = undefined;
      // A login left unanswered posted nothing: the message itself certainly did not go out.
      throw e instanceof UnsureError ? new Error(e.message) : e;
    }));
  return {
    outgoing(event) {
      const { text, url } = socialText(run, event);
      const createdAt = new Date();
      const createRecord = endpoint(channel.service, 'xrpc/com.atproto.repo.createRecord');
      return [
        {
          preview: [`POST ${createRecord}`, `Authorization: Bearer <session of ${channel.handle}, from ${channel.password_secret}>`, '', JSON.stringify({ repo: '<did>', collection: 'app.bsky.feed.post', record: blueskyRecord(text, url, run.locale, createdAt) }, null, 2)].join('\n'),
          async send() {
            const { accessJwt, did } = await login();
            const record = blueskyRecord(text, url, run.locale, new Date());
            const source = configField(run, 'service');
            await post({ url: checkUrl(createRecord, source).href, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessJwt}` }, body: JSON.stringify({ repo: did, collection: 'app.bsky.feed.post', record }), source }, run.net);
          },
        },
      ];
    },
  };
}
