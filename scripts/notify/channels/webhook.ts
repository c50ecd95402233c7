// Generic webhooks: the body Statuspage sends for an incident update, so receivers written for Statuspage keep
// working, signed as the Standard Webhooks spec says (https://www.standardwebhooks.com/): `webhook-id` (stable per
// update and channel, so a receiver can drop a repeat), `webhook-timestamp`, and `webhook-signature`, an
// HMAC-SHA256 of "id.timestamp.body" with the channel's secret (`whsec_` + base64), which any of the spec's
// libraries verifies. Like the API, the body is the status page's own text and names a third party.
import { createHmac } from 'node:crypto';
import type { ChannelConfig } from '../../../site/model/schema/notifications.ts';
import { statuspageWebhookPayload } from '../../../site/model/statuspage/documents.ts';
import type { NotifyEvent } from '../events.ts';
import { PermanentError, requireSecret } from '../secrets.ts';
import { jsonPost } from './json-post.ts';
import { incidentUrl, messageId, type ChannelRun, type ChannelSender } from './types.ts';

type Webhook = Extract<ChannelConfig, { type: 'webhook' }>;

export function webhookPayload(run: ChannelRun, event: NotifyEvent) {
  const { site, mirror, locale, now } = run;
  const ctx = { site, mirror, now, locale, incidentUrl: (i: { id: string }) => incidentUrl(mirror, locale, i.id) };
  return statuspageWebhookPayload(ctx, event.incident, site.config.support_url ?? mirror.url);
}

/** The signing key a Standard Webhooks secret stands for. */
export function signingKey(secret: string): Buffer {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  if (key.length < 16) throw new PermanentError('the signing secret must be whsec_ followed by at least 16 bytes in base64; make one with: echo "whsec_$(openssl rand -base64 32)"');
  return key;
}

export function signatureHeaders(key: Buffer, id: string, at: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` };
}

export function webhook(run: ChannelRun<Webhook>): ChannelSender {
  const { channel } = run;
  return {
    outgoing(event) {
      const id = `msg_${messageId(event.update.id, channel.id).slice(0, 32)}`;
      const signer = {
        preview: { 'webhook-id': id, 'webhook-timestamp': '<the time of sending>', 'webhook-signature': `v1,<HMAC-SHA256 with ${channel.signing_secret}>` },
        headers: (body: string) => signatureHeaders(signingKey(requireSecret(run.secrets, channel.signing_secret, `the signing secret of channel ${channel.id}`)), id, new Date(), body),
      };
      return [jsonPost(run, channel.url_secret, webhookPayload(run, event), signer)];
    },
  };
}
