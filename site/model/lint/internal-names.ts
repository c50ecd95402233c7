// internal-names: the names engineers use among themselves (error names, hostnames, ticket ids, code
// identifiers) mean nothing to customers and leak how the system is built. Language-independent: code names
// look the same in every language.
import type { Site } from '../site.ts';
import { escapeRegExp, wordingFindings, type Rule } from './rules.ts';
import type { Hit } from './sentences.ts';

/** Standards and everyday codes that look like ticket ids but are not ("ISO-8601", "COVID-19", "UTF-8"). */
const NOT_TICKETS = /^(ISO|SHA|UTF|RFC|COVID|AES|IEC|EN|DIN|CVE|PCI|TLS|SSL|HTTP|IPV|MP|A|B|F|G|K|M|P|S|T|V|X|Y|Z)$/i;

/** Each kind of internal name, as a pattern over the text (word-bounded where the script has words). */
const KINDS: { kind: string; re: RegExp; keep?: (m: string) => boolean }[] = [
  // TimeoutError, NullPointerException, StripeCardFault
  { kind: 'error name', re: /(?<![\p{L}\p{N}_])[A-Z][A-Za-z0-9]*(?:Error|Exception|Fault)(?![\p{L}\p{N}_])/gu },
  // ECONNRESET, ERR_TLS_CERT_ALTNAME_INVALID, SIGKILL, OOMKilled, CrashLoopBackOff
  { kind: 'error code', re: /(?<![\p{L}\p{N}_])(?:E(?:CONN[A-Z]+|TIMEDOUT|NOTFOUND|ADDRINUSE|PIPE|ACCES|NOENT|HOSTUNREACH|NETUNREACH|AI_AGAIN)|ERR_[A-Z0-9_]+|SIG(?:KILL|TERM|SEGV|HUP)|OOMKilled|CrashLoopBackOff|ImagePullBackOff)(?![\p{L}\p{N}_])/gu },
  // db-03.prod.internal, redis7.eu.acme.net, worker-12, pg-primary-2
  { kind: 'hostname', re: /(?<![\p{L}\p{N}_./-])[a-z][a-z0-9-]*\d[a-z0-9-]*(?:\.[a-z0-9-]+){1,}(?![\p{L}\p{N}_-])|(?<![\p{L}\p{N}_.-])[a-z0-9-]+\.(?:internal|local|lan|corp|intra|svc|cluster\.local)(?![\p{L}\p{N}_.-])|(?<![\p{L}\p{N}_.-])(?:db|web|api|app|worker|node|host|srv|server|redis|pg|mysql|cache|lb|proxy|edge|queue|kafka|es|mongo)(?:-[a-z0-9]+)*-?\d+[a-z]?(?![\p{L}\p{N}_.-])/gu },
  // INC-4821, OPS-112, JIRA-77, ticket #48213
  { kind: 'ticket id', re: /(?<![\p{L}\p{N}_-])([A-Z][A-Z0-9]{1,9})-\d{2,}(?![\p{L}\p{N}_-])|(?:ticket|case|issue|incident|bug)\s*#\s*\d{3,}|(?<![\p{L}\p{N}&])#\d{4,}(?!\p{N})/giu, keep: (m) => !NOT_TICKETS.test(/^([A-Za-z0-9]+)-/.exec(m)?.[1] ?? '_') },
  // invoiceWorker, paymentGatewayService, PaymentGatewayService, InvoiceQueue
  { kind: 'identifier', re: /(?<![\p{L}\p{N}_])(?:[a-z]{2,}(?:[A-Z][a-z0-9]+)+|(?:[A-Z][a-z0-9]+){3,}|(?:[A-Z][a-z0-9]+)+(?:Service|Worker|Handler|Manager|Controller|Queue|Job|Client|Cluster|Pool|Cache|Processor|Consumer|Producer|Scheduler|Daemon|Cron))(?![\p{L}\p{N}_])/gu },
  // PAYMENT_QUEUE_FULL, invoice_worker, max_retries
  { kind: 'identifier', re: /(?<![\p{L}\p{N}_])(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?![\p{L}\p{N}_])/gu },
];

/** Links and e-mail addresses are for people to follow; their insides are not prose. */
const NOT_PROSE = /\bhttps?:\/\/\S+|\b[\w.+-]+@[\w-]+(\.[\w-]+)+|\]\([^)]*\)/g;

/** Names the site itself shows customers (component, region and provider names and ids) are fine in prose. */
function publicNames(site: Site, provider?: string): Set<string> {
  const names = [...site.config.components, ...site.config.regions].flatMap((c) => [c.id, ...(typeof c.name === 'string' ? [c.name] : Object.values(c.name))]);
  return new Set([...names, ...(provider ? [provider] : [])].map((n) => n.toLowerCase()));
}

export function internalNames(text: string, allowed: Set<string>, extra: RegExp | undefined): Hit[] {
  const prose = text.replace(NOT_PROSE, (m) => ' '.repeat(m.length));
  const hits: Hit[] = [];
  for (const { re, keep } of KINDS) {
    for (const m of prose.matchAll(re)) if (!allowed.has(m[0].toLowerCase()) && (keep?.(m[0]) ?? true)) hits.push({ words: m[0], index: m.index });
  }
  if (extra) for (const m of prose.matchAll(extra)) hits.push({ words: m[0], index: m.index });
  // "db-03" inside "db-03.prod.internal" is the same name: keep the longest.
  const inside = (h: Hit, o: Hit) => o !== h && o.index <= h.index && o.index + o.words.length >= h.index + h.words.length && o.words.length > h.words.length;
  return hits.filter((h) => !hits.some((o) => inside(h, o))).sort((a, b) => a.index - b.index);
}

export const internalNamesRule: Rule = {
  id: 'internal-names',
  perIncident: true,
  severity: 'warning',
  summary: 'Names only the team knows in customer-facing text: error names and codes, hostnames, ticket ids, CamelCase or ALL_CAPS identifiers.',
  fix: 'Say what customers notice instead ("some card payments fail"); keep hosts, tickets and error names for the postmortem.',
  example: { bad: 'PaymentGatewayService on db-03.prod.internal throws TimeoutError (INC-4821).', good: 'Some card payments fail; customers see "Payment could not be completed".' },
  check: ({ site, words }) => {
    const extra = words.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : undefined;
    return wordingFindings(site, (w, many) => `${w} ${many ? 'are' : 'is'} internal to the team`, (u) => internalNames(u.text, publicNames(site, u.incident.provider), extra));
  },
};
