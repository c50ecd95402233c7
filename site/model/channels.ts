// One update, three channels: the status page text, an email, and a short social post. The page names a
// third party; email and social say "one of our providers", since they travel beyond the status page.
import { t } from '../i18n/index.ts';
import { formatter, localize } from './format.ts';
import { escapeHtml as escape } from './html.ts';
import { markdownToText, renderMarkdown } from './markdown.ts';
import type { MirrorConfig } from './schema/config.ts';
import type { Incident, Site, Update } from './site.ts';
import { timeline } from './timeline.ts';
import { prose } from './translate.ts';

/** What X/Twitter, Mastodon's default and Bluesky (300) all accept. */
export const SOCIAL_LIMIT = 280;

export interface ChannelVariants {
  page: string;
  email: { subject: string; text: string; html: string };
  social: string;
}

export interface ChannelContext {
  site: Site;
  mirror: MirrorConfig;
  locale: string;
  /** Absolute URL of the incident page on the mirror the message points to. */
  url: string;
}

export function channelVariants(incident: Incident, update: Update, ctx: ChannelContext): ChannelVariants {
  const { site, mirror, locale, url } = ctx;
  const source = site.config.locale;
  const fmt = formatter(locale, mirror.time_zone);
  const title = prose({ body: '', title: incident.title }, incident.translations, locale, source).title!;
  const body = prose({ body: update.body }, update.translations, locale, source).body;
  const status = t(locale, `status.${update.status}`);
  const generic = (s: string) => withoutProvider(s, incident.provider, t(locale, 'channel.provider'));
  const names = timeline(incident, site.config).components.map((c) => localize(site.config.components.find((x) => x.id === c)!.name, locale, source));

  const facts = [
    `${t(locale, 'incident.status')}: ${status} · ${fmt.dateTime(update.at)}`,
    `${t(locale, 'incident.affects')}: ${names.join(', ')}`,
    update.dataLoss ? t(locale, `incident.dataLoss.${update.dataLoss}`) : '',
    update.nextUpdate ? t(locale, 'incident.nextUpdate', { time: fmt.time(update.nextUpdate, update.at) }) : '',
  ].filter(Boolean);
  const text = generic([title, '', ...facts, '', markdownToText(body), '', url].join('\n'));
  const html = generic(
    `<h1>${escape(title)}</h1>${facts.map((f) => `<p>${escape(f)}</p>`).join('')}${renderMarkdown(body)}<p><a href="${escape(url)}">${escape(url)}</a></p>`,
  );
  return {
    page: body,
    email: { subject: generic(t(locale, 'channel.subject', { status, title })), text, html },
    social: update.social ? fitSocial(update.social, url) : fitSocial(generic(`${status}: ${title}. ${firstSentences(markdownToText(body))}`), url),
  };
}

/** Replaces a provider's name with a generic phrase, whatever its case. */
export function withoutProvider(s: string, provider: string | undefined, phrase: string): string {
  if (!provider) return s;
  return s.replace(new RegExp(provider.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), phrase);
}

/** Text plus link within the social limit, cut at a word with an ellipsis when needed. */
export function fitSocial(text: string, url: string): string {
  const budget = SOCIAL_LIMIT - url.length - 1;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= budget) return `${flat} ${url}`;
  const cut = flat.slice(0, budget - 1);
  const word = cut.lastIndexOf(' ');
  return `${(word > budget / 2 ? cut.slice(0, word) : cut).replace(/[\s,;:.]+$/, '')}… ${url}`;
}

function firstSentences(text: string): string {
  return text.split(/\n\n/)[0] ?? '';
}
