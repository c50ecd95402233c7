// Email over SMTP (nodemailer): one message per subscriber, plain text and HTML, in the subscriber's language,
// with List-Unsubscribe and List-Id so mail clients offer "unsubscribe" and filters can sort the messages, and
// References that thread every update of an incident into one conversation. Subscribers are hashed in the ledger.
import { isIP } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { t } from '../../../site/i18n/index.ts';
import { channelVariants } from '../../../site/model/channels.ts';
import { localize } from '../../../site/model/format.ts';
import { escapeHtml } from '../../../site/model/html.ts';
import type { ChannelConfig, Subscriber } from '../../../site/model/schema/notifications.ts';
import { accepts, type NotifyEvent } from '../events.ts';
import { recipientHash } from '../ledger.ts';
import { allowedAddresses, bareHost } from '../addresses.ts';
import { PermanentError, requireSecret } from '../secrets.ts';
import { readSubscribers } from '../subscribers.ts';
import { configField, incidentUrl, messageId, type ChannelRun, type ChannelSender, type Outgoing } from './types.ts';

type Email = Extract<ChannelConfig, { type: 'email' }>;

export interface EmailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  references: string;
  headers: Record<string, string>;
}

const idPart = (...parts: string[]) => messageId(...parts).slice(0, 24);

export function emailMessage(run: ChannelRun<Email>, event: NotifyEvent, to: string, locale: string): EmailMessage {
  const { site, mirror, channel } = run;
  const url = incidentUrl(mirror, locale, event.incident.id);
  const { email } = channelVariants(event.incident, event.update, { site, mirror, locale, url });
  const siteName = localize(site.config.name, locale, site.config.locale);
  const host = new URL(mirror.url).hostname;
  const unsubscribe = channel.unsubscribe.startsWith('mailto:') ? `${channel.unsubscribe}?subject=${encodeURIComponent(`unsubscribe ${to}`)}` : channel.unsubscribe;
  const footer = t(locale, 'channel.emailFooter', { name: siteName });
  const stop = t(locale, 'channel.unsubscribe');
  return {
    from: channel.from,
    to,
    subject: email.subject,
    text: `${email.text}\n\n-- \n${footer}\n${stop}: ${unsubscribe}\n`,
    html: `<!doctype html><html lang="${escapeHtml(locale)}"><body>${email.html}<hr><p><small>${escapeHtml(footer)} <a href="${escapeHtml(unsubscribe)}">${escapeHtml(stop)}</a></small></p></body></html>`,
    messageId: `<${idPart(event.update.id, channel.id, to)}@${host}>`,
    // Every update of an incident refers to the same root, so clients show them as one thread.
    references: `<${idPart(event.incident.id, channel.id)}.incident@${host}>`,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Id': `${siteName.replace(/[<>"]/g, '')} <${channel.id}.${host}>`,
      'Auto-Submitted': 'auto-generated',
    },
  };
}

function previewEmail(m: EmailMessage): string {
  const headers = { From: m.from, To: m.to, Subject: m.subject, 'Message-ID': m.messageId, References: m.references, ...m.headers };
  return [...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', m.text, '[HTML part]', m.html].join('\n');
}

/** SMTP reply codes from 500 up, and failed logins, will fail again; connection problems and 4xx may not. */
function classify(e: Error & { responseCode?: number; code?: string }): Error {
  if (e.code === 'EAUTH' || (e.responseCode !== undefined && e.responseCode >= 500)) return new PermanentError(`SMTP: ${e.message}`);
  return new Error(`SMTP: ${e.message}`);
}

export function email(run: ChannelRun<Email>, root: string, dryRun: boolean): ChannelSender {
  const { channel } = run;
  const source = channel.subscribers_secret ? `the secret ${channel.subscribers_secret}` : channel.subscribers_file!;
  let subscribers: Subscriber[] | undefined;
  let problem: Error | undefined;
  try {
    subscribers = readSubscribers(root, channel, run.secrets);
    if (!subscribers && !dryRun) problem = new PermanentError(`the subscriber list (${source}) is not available to this run`);
  } catch (e) {
    problem = e as Error;
  }
  let transport: Promise<Transporter<SMTPTransport.SentMessageInfo>> | undefined;
  const open = () => (transport ??= connect().catch((e) => {
    transport = undefined;
    throw e;
  }));
  const connect = async () => {
    const { smtp } = channel;
    // The address is checked here and then used as it is (the name kept for TLS), so it cannot change in between.
    const [address] = await allowedAddresses(smtp.host, run.net.policy, configField(run, 'smtp.host'));
    const user = smtp.user_secret ? requireSecret(run.secrets, smtp.user_secret, `the SMTP user of channel ${channel.id}`) : undefined;
    const pass = smtp.password_secret ? requireSecret(run.secrets, smtp.password_secret, `the SMTP password of channel ${channel.id}`) : undefined;
    return nodemailer.createTransport({
      host: address!.address,
      // TLS checks the certificate against the name in the config, not the address it resolved to.
      servername: isIP(bareHost(smtp.host)) ? undefined : smtp.host,
      port: smtp.port,
      secure: smtp.security === 'tls',
      requireTLS: smtp.security === 'starttls',
      ignoreTLS: smtp.security === 'none',
      auth: user && pass ? { user, pass } : undefined,
      pool: true,
      maxConnections: 3,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    } as SMTPTransport.Options);
  };
  return {
    outgoing(event): Outgoing[] {
      if (problem) {
        const failure = problem;
        return [{ preview: `(not sent: ${failure.message})`, send: () => Promise.reject(failure) }];
      }
      if (!subscribers) {
        const m = emailMessage(run, event, `<each subscriber in ${source}>`, run.locale);
        return [{ preview: previewEmail(m), send: () => Promise.reject(new PermanentError(`the subscriber list (${source}) is not available`)) }];
      }
      return subscribers
        .filter((s) => accepts({ components: s.components, regions: s.regions }, event, run.site))
        .map((s) => {
          const m = emailMessage(run, event, s.email, s.locale ?? run.locale);
          return {
            to: recipientHash(channel.id, s.email),
            preview: previewEmail(m),
            async send() {
              try {
                await (await open()).sendMail(m);
              } catch (e) {
                throw e instanceof PermanentError ? e : classify(e as Error);
              }
            },
          };
        });
    },
    async close() {
      (await transport?.catch(() => undefined))?.close();
    },
  };
}
