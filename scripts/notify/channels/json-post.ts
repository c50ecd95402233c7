// A JSON POST to a URL kept in a secret: how Slack, Teams, Discord and generic webhooks all receive messages.
import { checkUrl, post } from '../http.ts';
import { requireSecret } from '../secrets.ts';
import type { ChannelRun, Outgoing } from './types.ts';
import { previewPost } from './types.ts';

/** Headers made from the body at the moment of sending (a signature), and how a dry run shows them. */
export interface Signer {
  preview: Record<string, string>;
  headers: (body: string) => Record<string, string>;
}

export function jsonPost(run: ChannelRun, urlSecret: string, payload: unknown, signer?: Signer): Outgoing {
  const body = JSON.stringify(payload);
  const headers = { 'Content-Type': 'application/json', 'User-Agent': 'Candor status notifications' };
  return {
    preview: previewPost(urlSecret, { ...headers, ...signer?.preview }, payload),
    async send() {
      const url = checkUrl(requireSecret(run.secrets, urlSecret, `the ${run.channel.type} URL of channel ${run.channel.id}`), urlSecret).href;
      await post({ url, headers: { ...headers, ...signer?.headers(body) }, body });
    },
  };
}
