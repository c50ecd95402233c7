// Discord channel webhook, as an embed: https://discord.com/developers/docs/resources/webhook#execute-webhook
// `allowed_mentions` is empty, so no text in an update can ping @everyone or a role.
import { t } from '../../../site/i18n/index.ts';
import { clip } from '../../../site/model/channels.ts';
import type { ChannelConfig } from '../../../site/model/schema/notifications.ts';
import type { NotifyEvent } from '../events.ts';
import { jsonPost } from './json-post.ts';
import { eventText, TONE_COLOURS, type ChannelRun, type ChannelSender } from './types.ts';

type Discord = Extract<ChannelConfig, { type: 'discord' }>;

export function discordPayload(run: ChannelRun, event: NotifyEvent) {
  const m = eventText(run, event);
  const l = run.locale;
  const fields = [
    { name: t(l, 'incident.status'), value: m.status, inline: true },
    { name: t(l, 'incident.affects'), value: m.componentList, inline: true },
    ...(m.dataLoss ? [{ name: t(l, 'channel.dataLoss'), value: m.dataLoss, inline: false }] : []),
    ...(m.nextUpdateTime ? [{ name: t(l, 'channel.next'), value: m.nextUpdateTime, inline: false }] : []),
  ].map((f) => ({ ...f, value: clip(m.generic(f.value), 1024) }));
  return {
    username: clip(m.siteName, 80),
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title: clip(m.generic(m.title), 256),
        url: m.url,
        description: clip(m.generic(m.bodyText), 4096),
        color: TONE_COLOURS[m.tone],
        fields,
        timestamp: event.update.at.toISOString(),
        footer: { text: clip(m.siteName, 2048) },
      },
    ],
  };
}

export function discord(run: ChannelRun<Discord>): ChannelSender {
  return { outgoing: (event) => [jsonPost(run, run.channel.url_secret, discordPayload(run, event))] };
}
