// A JSON POST to a URL kept in a secret: how Slack, Teams, Discord and generic webhooks all receive messages.
import { checkUrl, post } from '../http.ts';
import { isLoopback } from '../../../site/model/schema/notifications.ts';
import { PermanentError, requireSecret } from '../secrets.ts';
import type { ChannelRun, Outgoing } from './types.ts';
import { previewPost, secretSource } from './types.ts';

/** Headers made from the body at the moment of sending (a signature), and how a dry run shows them. */
export interface Signer {
  preview: Record<string, string>;
  headers: (body: string) => Record<string, string>;
}

/**
 * Where each chat service's webhooks live. The URL is a secret nobody reviews, so a channel typed `slack` posts
 * only to Slack: a swapped value cannot send the message (or the signature) anywhere else. Generic webhooks go
 * wherever the team says. This machine (a local relay, a test receiver) is always allowed.
 */
const SERVICE_HOSTS: Partial<Record<ChannelRun['channel']['type'], { hosts: RegExp; example: string }>> = {
  slack: { hosts: /^hooks\.slack(?:-gov)?\.com$/, example: 'https://hooks.slack.com/services/…' },
  discord: { hosts: /^(?:(?:ptb|canary)\.)?discord(?:app)?\.com$/, example: 'https://discord.com/api/webhooks/…' },
  // Office 365 connectors, and Power Automate (Workflows) trigger URLs, old and new.
  teams: { hosts: /(?:^|\.)(?:webhook\.office\.com|logic\.azure\.com|api\.powerplatform\.com)$/, example: 'https://….webhook.office.com/… or a Workflows trigger URL (….logic.azure.com, ….api.powerplatform.com)' },
};

/** The channel's URL, if it is https and on its service's host. */
export function serviceUrl(type: ChannelRun['channel']['type'], raw: string, secret: string): URL {
  const url = checkUrl(raw, secret);
  const service = SERVICE_HOSTS[type];
  if (service && !isLoopback(url.hostname) && !service.hosts.test(url.hostname)) {
    throw new PermanentError(`${secret} points to ${url.hostname}, which is not a ${type} webhook host; a ${type} channel posts only to ${service.example}`);
  }
  return url;
}

export function jsonPost(run: ChannelRun, urlSecret: string, payload: unknown, signer?: Signer): Outgoing {
  const source = secretSource(run, 'url_secret', urlSecret);
  const body = JSON.stringify(payload);
  const headers = { 'Content-Type': 'application/json', 'User-Agent': 'Candor status notifications' };
  return {
    preview: previewPost(urlSecret, { ...headers, ...signer?.preview }, payload),
    async send() {
      const url = serviceUrl(run.channel.type, requireSecret(run.secrets, urlSecret, `the ${run.channel.type} URL of channel ${run.channel.id}`), urlSecret).href;
      await post({ url, headers: { ...headers, ...signer?.headers(body) }, body, source }, run.net);
    },
  };
}
