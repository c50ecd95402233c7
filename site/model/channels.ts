// One update, three channels: the status page text, an email, and a short social post. The page names a
// third party; email and social say "one of our providers", since they travel beyond the status page.
import { t } from '../i18n/index.ts';
import { formatter, localize } from './format.ts';
import { escapeHtml as escape } from './html.ts';
import { markdownToText, renderMarkdown } from './markdown.ts';
import { timesAsText } from './time-tokens.ts';
import type { MirrorConfig } from './schema/config.ts';
import type { Incident, Site, Update } from './site.ts';
import { affectedComponents } from './timeline.ts';
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

/**
 * What every message about one update says, in the reader's language and the mirror's time zone: the pieces
 * each channel (email, chat, social) lays out in its own format. Text that leaves the status page names a
 * third party generically (`generic`); the page itself names it.
 */
export interface MessageParts {
  title: string;
  /** The update's status, in words. */
  status: string;
  /** When the update was posted, formatted. */
  time: string;
  /** Affected components, by name. */
  components: string[];
  /** The same names as one list in the channel's language: "Reports and exports, Web app". */
  componentList: string;
  dataLoss?: string;
  /** "Next update by …", when the update promises one. */
  nextUpdate?: string;
  /** The same promise as a time alone, for a field already labelled "Next update". */
  nextUpdateTime?: string;
  /** The update's Markdown, translated where a translation exists. */
  body: string;
  /** The same as plain text. */
  bodyText: string;
  url: string;
  generic: (s: string) => string;
}

export function messageParts(incident: Incident, update: Update, ctx: ChannelContext): MessageParts {
  const { site, mirror, locale, url } = ctx;
  const source = site.config.locale;
  const fmt = formatter(locale, mirror.time_zone);
  // Moments written as {time:…} read in the channel's mirror zone and language, as on that mirror's page.
  const names = affectedComponents(incident).map((c) => localize(site.config.components.find((x) => x.id === c)!.name, locale, source));
  const body = timesAsText(prose({ body: update.body }, update.translations, locale, source).body, fmt, update.at);
  return {
    title: prose({ body: '', title: incident.title }, incident.translations, locale, source).title!,
    status: t(locale, `status.${update.status}`),
    time: fmt.dateTime(update.at),
    components: names,
    componentList: fmt.names(names),
    dataLoss: update.dataLoss ? t(locale, `incident.dataLoss.${update.dataLoss}`) : undefined,
    nextUpdate: update.nextUpdate ? t(locale, 'incident.nextUpdate', { time: fmt.time(update.nextUpdate, update.at) }) : undefined,
    nextUpdateTime: update.nextUpdate ? fmt.time(update.nextUpdate, update.at) : undefined,
    body,
    bodyText: markdownToText(body),
    url,
    generic: (s) => withoutProvider(s, incident.provider, t(locale, 'channel.provider')),
  };
}

export function channelVariants(incident: Incident, update: Update, ctx: ChannelContext): ChannelVariants {
  const p = messageParts(incident, update, ctx);
  const { locale, url } = ctx;
  const facts = [
    `${t(locale, 'incident.status')}: ${p.status} · ${p.time}`,
    t(locale, 'format.pair', { label: t(locale, 'incident.affects'), value: p.componentList }),
    p.dataLoss ?? '',
    p.nextUpdate ?? '',
  ].filter(Boolean);
  const text = p.generic([p.title, '', ...facts, '', p.bodyText, '', url].join('\n'));
  const html = p.generic(
    `<h1>${escape(p.title)}</h1>${facts.map((f) => `<p>${escape(f)}</p>`).join('')}${renderMarkdown(p.body)}<p><a href="${escape(url)}">${escape(url)}</a></p>`,
  );
  return {
    page: p.body,
    email: { subject: p.generic(t(locale, 'channel.subject', { status: p.status, title: p.title })), text, html },
    social: update.social ? fitSocial(timesAsText(update.social, formatter(locale, ctx.mirror.time_zone), update.at), url) : fitSocial(p.generic(`${p.status}: ${p.title}. ${firstSentences(p.bodyText)}`), url),
  };
}

/** Replaces a provider's name with a generic phrase, whatever its case. */
export function withoutProvider(s: string, provider: string | undefined, phrase: string): string {
  if (!provider) return s;
  return s.replace(new RegExp(provider.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), phrase);
}

/** Text cut to `limit` characters at a word where possible, ending in an ellipsis when cut. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const word = cut.lastIndexOf(' ');
  return `${(word > limit / 2 ? cut.slice(0, word) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Text plus link within the social limit, cut at a word with an ellipsis when needed. */
export function fitSocial(text: string, url: string): string {
  return `${clip(text.replace(/\s+/g, ' ').trim(), SOCIAL_LIMIT - url.length - 1)} ${url}`;
}

function firstSentences(text: string): string {
  return text.split(/\n\n/)[0] ?? '';
}
