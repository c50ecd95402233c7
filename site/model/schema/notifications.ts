// Where each new update is sent after a deploy (`candor notify`, docs: notifications). The config names
// secrets (CANDOR_NOTIFY_…); their values live in GitHub (or the environment) and never in this public file.
import { isIP } from 'node:net';
import { z } from 'zod';
import { nonPublicReason } from '../public-address.ts';
import { KINDS } from '../states.ts';
import { absoluteUrlSchema, idSchema, localeSchema } from './common.ts';

/**
 * Every secret a notification channel names starts with this: an allow-list by convention. A secret is created
 * for notifications under such a name, so no config can name a deploy credential, GitHub's token, an npm token,
 * an organisation secret or an ordinary environment variable (PATH), and send it to a host of its choosing.
 */
export const SECRET_PREFIX = 'CANDOR_NOTIFY_';

/** The name of a GitHub secret (or environment variable) starting with CANDOR_NOTIFY_ that holds a value, never the value itself. */
export const secretNameSchema = z
  .string({ error: 'must be the name of a secret, like CANDOR_NOTIFY_SLACK_URL' })
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'must be the name of a secret (letters, digits, underscores), like CANDOR_NOTIFY_SLACK_URL, not its value' })
  .refine((name) => name.startsWith(SECRET_PREFIX), {
    error: `names a secret not declared for notifications: a channel may name only secrets whose names start with ${SECRET_PREFIX}`,
    params: { fix: `store what this channel needs in a secret of its own named ${SECRET_PREFIX}… (Settings → Environments → notifications → Add secret), e.g. ${SECRET_PREFIX}SLACK_URL, and name that here` },
  });

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/**
 * Whether a host is this machine: the only place plain text may go. A real run refuses it anyway (notifications go
 * only to public addresses, scripts/notify/addresses.ts); only tests, with receivers on loopback, connect to it.
 */
export const isLoopback = (host: string) => LOOPBACK.has(host.toLowerCase());

/**
 * An https URL (http only to this machine): tokens and passwords travel with every request to it. Its host must
 * resolve to public internet addresses only, checked when sending (a name can change what it resolves to).
 */
const secureUrlSchema = absoluteUrlSchema
  .refine((u) => u.startsWith('https:') || isLoopback(new URL(u).hostname), {
    error: 'must be an https:// URL; the token sent to it would otherwise cross the network in clear text',
    params: { fix: 'write https://…; plain http is accepted only for localhost' },
  })
  .superRefine((u, ctx) => refuseNonPublic(new URL(u).hostname, ctx));

/**
 * A host written as an address that is not on the public internet (10.0.0.5, 169.254.169.254, [fd00::1]) is refused
 * at once; names are resolved and checked when sending. Loopback passes here, for test receivers: a real run
 * refuses it (scripts/notify/addresses.ts).
 */
const LOOPBACK_REASON = 'a loopback address';

function refuseNonPublic(host: string, ctx: z.RefinementCtx): void {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const reason = isIP(bare) ? nonPublicReason(bare) : undefined;
  if (reason && reason !== LOOPBACK_REASON) ctx.addIssue({ code: 'custom', message: `is ${reason} (${bare}); notifications go only to public internet hosts`, params: { fix: "use the service's public host name, e.g. https://mastodon.social" } });
}

/** Which updates a channel receives; every list left out lets everything through. */
export const channelFilterSchema = z.strictObject({
  /** Only incidents affecting at least one of these components. */
  components: z.array(idSchema).min(1).optional(),
  /** Only incidents touching at least one of these regions (incidents without regions touch every region). */
  regions: z.array(idSchema).min(1).optional(),
  /** Only these impact levels (ids from `impacts`); maintenance counts as `maintenance`, as in Statuspage's API. */
  impacts: z.array(idSchema).min(1).optional(),
  /** Only incidents, or only maintenance. */
  kinds: z.array(z.enum(KINDS)).min(1).optional(),
});

const common = {
  /** Names the channel in the ledger, the summary and `--channel`; keep it once messages were sent. */
  id: idSchema,
  /** The mirror whose incident pages the messages link to; defaults to the first mirror. */
  mirror: idSchema.optional(),
  /** Language of the messages; the mirror's own language by default. Missing translations fall back to the original. */
  locale: localeSchema.optional(),
  filter: channelFilterSchema.prefault({}),
};

const smtpSchema = z.strictObject({
  /** The SMTP server's host name; it must resolve to public internet addresses only (checked when sending). */
  host: z.string().trim().min(1).superRefine((host, ctx) => refuseNonPublic(host, ctx)),
  /** The SMTP server's port. */
  port: z.number().int().min(1).max(65535).default(587),
  /** `starttls` (port 587), `tls` (port 465), or `none` (only for localhost, which a real run refuses: for test receivers). */
  security: z.enum(['starttls', 'tls', 'none']).default('starttls'),
  user_secret: secretNameSchema.optional(),
  password_secret: secretNameSchema.optional(),
}).refine((s) => s.security !== 'none' || isLoopback(s.host), {
  path: ['security'],
  error: 'is none for a remote host: the password and every subscriber address would cross the network in clear text',
  params: { fix: 'use security: starttls (port 587) or tls (port 465); none is accepted only for host: localhost' },
});

export const channelSchema = z.discriminatedUnion(
  'type',
  [
    /** Slack incoming webhook (Block Kit). */
    z.strictObject({ ...common, type: z.literal('slack'), url_secret: secretNameSchema }),
    /** Microsoft Teams incoming webhook or Workflows webhook (Adaptive Card). */
    z.strictObject({ ...common, type: z.literal('teams'), url_secret: secretNameSchema }),
    /** Discord channel webhook (embed). */
    z.strictObject({ ...common, type: z.literal('discord'), url_secret: secretNameSchema }),
    /** Statuspage's webhook payload, signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature). */
    z.strictObject({ ...common, type: z.literal('webhook'), url_secret: secretNameSchema, signing_secret: secretNameSchema }),
    /** Email to subscribers through an SMTP server, one message per subscriber, with an unsubscribe link. */
    z.strictObject({
      ...common,
      type: z.literal('email'),
      /** The SMTP server that sends the messages. */
      smtp: smtpSchema,
      /** `Name <address>` the messages come from. */
      from: z.string().trim().min(3),
      /** Where unsubscribe requests go: a `mailto:` address the team reads, or a form's https URL. */
      unsubscribe: z.string().regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, { error: 'must be mailto:address or an https:// URL' }),
      /** A secret holding the subscriber list (YAML), or a file outside the published site holding it. */
      subscribers_secret: secretNameSchema.optional(),
      /** A file outside the published site holding the subscriber list (YAML), as the alternative to `subscribers_secret`. */
      subscribers_file: z.string().trim().min(1).optional(),
    }),
    /** A post on Mastodon, from an access token with the write:statuses scope. */
    z.strictObject({ ...common, type: z.literal('mastodon'), /** The Mastodon server the account is on (a public https host). */ instance: secureUrlSchema, token_secret: secretNameSchema }),
    /** A post on Bluesky, from an app password. */
    z.strictObject({
      ...common,
      type: z.literal('bluesky'),
      /** The account's PDS (a public https host); bsky.social unless the account lives elsewhere. */
      service: secureUrlSchema.default('https://bsky.social'),
      /** The account's handle, like acme.bsky.social. */
      handle: z.string().trim().min(3),
      password_secret: secretNameSchema,
    }),
  ],
  { error: 'must have type slack, teams, discord, webhook, email, mastodon or bluesky' },
);

export const notificationsSchema = z.strictObject({
  /** A WebSub hub to ping when the feeds change, e.g. https://pubsubhubbub.appspot.com/ (a public https host); feeds name it as their hub. */
  websub_hub: secureUrlSchema.optional(),
  /** Further attempts after a failed delivery, with growing waits between them. */
  retries: z.number().int().min(0).max(10).default(3),
  /** Where each new update is sent; each channel once, tracked in the ledger. */
  channels: z.array(channelSchema).default([]),
});

export type NotificationsConfig = z.output<typeof notificationsSchema>;
export type ChannelConfig = z.output<typeof channelSchema>;
export type ChannelType = ChannelConfig['type'];
export type ChannelFilter = z.output<typeof channelFilterSchema>;

/** One email subscriber, in the file the team keeps outside the public site. */
export const subscriberSchema = z.strictObject({
  email: z.email({ error: 'must be an email address' }),
  /** The language they read; the channel's by default. */
  locale: localeSchema.optional(),
  /** Narrows the channel's filter for this person. */
  components: z.array(idSchema).min(1).optional(),
  regions: z.array(idSchema).min(1).optional(),
});

/** The subscriber file: `subscribers:` and a list, so the file can grow other settings later. */
export const subscribersFileSchema = z.strictObject({ subscribers: z.array(subscriberSchema) });
export type Subscriber = z.output<typeof subscriberSchema>;
