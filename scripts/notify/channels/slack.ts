// Slack incoming webhook, laid out in Block Kit: https://api.slack.com/messaging/webhooks
// Text goes in plain_text blocks, so nothing in an update can ping @channel or render as Slack markup. The
// top-level `text` (notifications, screen readers, old clients) is mrkdwn: there &, < and > are escaped as Slack
// asks (https://api.slack.com/reference/surfaces/formatting#escaping), so "<!channel>" in a title stays text.
import { t } from '../../../site/i18n/index.ts';
import { clip } from '../../../site/model/channels.ts';
import type { ChannelConfig } from '../../../site/model/schema/notifications.ts';
import type { NotifyEvent } from '../events.ts';
import { jsonPost } from './json-post.ts';
import { eventText, type ChannelRun, type ChannelSender } from './types.ts';

type Slack = Extract<ChannelConfig, { type: 'slack' }>;

export const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function slackPayload(run: ChannelRun, event: NotifyEvent) {
  const m = eventText(run, event);
  const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: false });
  const facts = [`${m.status} · ${m.time}`, t(run.locale, 'format.pair', { label: t(run.locale, 'incident.affects'), value: m.componentList }), m.dataLoss, m.nextUpdate].filter((x): x is string => Boolean(x));
  return {
    text: slackEscape(m.generic(`${m.status}: ${m.title} ${m.url}`)),
    blocks: [
      { type: 'header', text: plain(clip(m.generic(m.title), 150)) },
      { type: 'context', elements: facts.map((f) => plain(m.generic(f))) },
      { type: 'section', text: plain(clip(m.generic(m.bodyText), 3000)) },
      { type: 'actions', elements: [{ type: 'button', text: plain(t(run.locale, 'channel.view')), url: m.url }] },
    ],
  };
}

export function slack(run: ChannelRun<Slack>): ChannelSender {
  return { outgoing: (event) => [jsonPost(run, run.channel.url_secret, slackPayload(run, event))] };
}
