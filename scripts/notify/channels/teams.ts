// Microsoft Teams: an Adaptive Card in a message, the shape both Teams Workflows webhooks and the older
// incoming-webhook connectors accept: https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using
import { t } from '../../../site/i18n/index.ts';
import type { ChannelConfig } from '../../../site/model/schema/notifications.ts';
import type { NotifyEvent } from '../events.ts';
import { jsonPost } from './json-post.ts';
import { eventText, type ChannelRun, type ChannelSender } from './types.ts';

type Teams = Extract<ChannelConfig, { type: 'teams' }>;

const TONE_STYLE = { critical: 'attention', major: 'warning', minor: 'warning', none: 'default', maintenance: 'accent', resolved: 'good' } as const;

export function teamsPayload(run: ChannelRun, event: NotifyEvent) {
  const m = eventText(run, event);
  const l = run.locale;
  const facts = [
    { title: t(l, 'incident.status'), value: `${m.status} · ${m.time}` },
    { title: t(l, 'incident.affects'), value: m.componentList },
    ...(m.dataLoss ? [{ title: t(l, 'channel.dataLoss'), value: m.dataLoss }] : []),
    ...(m.nextUpdateTime ? [{ title: t(l, 'channel.next'), value: m.nextUpdateTime }] : []),
  ].map((f) => ({ title: f.title, value: m.generic(f.value) }));
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          msteams: { width: 'Full' },
          body: [
            { type: 'TextBlock', text: m.siteName, size: 'Small', isSubtle: true, wrap: true },
            { type: 'TextBlock', text: m.generic(m.title), size: 'Large', weight: 'Bolder', color: TONE_STYLE[m.tone], wrap: true },
            { type: 'FactSet', facts },
            { type: 'TextBlock', text: m.generic(m.bodyText), wrap: true },
          ],
          actions: [{ type: 'Action.OpenUrl', title: t(l, 'channel.view'), url: m.url }],
        },
      },
    ],
  };
}

export function teams(run: ChannelRun<Teams>): ChannelSender {
  return { outgoing: (event) => [jsonPost(run, run.channel.url_secret, teamsPayload(run, event))] };
}
