// `candor notify` end to end: a real git history, the real CLI, and real receivers on loopback (an HTTP server
// that records and verifies requests, an SMTP server). Each step commits what an on-call engineer would.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitRepo, type GitRepo } from '../helpers/git-repo.ts';
import { httpReceiver, smtpReceiver, type HttpReceiver, type SmtpReceiver } from '../helpers/receivers.ts';
import { md } from '../helpers/testdir.ts';
import { notifyAsync } from './cli.ts';

const SIGNING = `whsec_${Buffer.from('a test secret of thirty-two bytes').toString('base64')}`;
const INCIDENT = 'incidents/2026-11-23-api-errors';
const MAINTENANCE = 'incidents/2026-11-23-web-upgrade';

const config = (http: string, smtpPort: number) => `name: Test Co
regions:
  - { id: eu, name: Europe }
  - { id: us, name: United States }
components:
  - { id: api, name: { en: API, fr: API publique } }
  - { id: web, name: { en: Website, fr: Site web } }
mirrors:
  - { id: main, url: https://status.test.example/, locale: en, locales: [en, fr], deploy: { target: github-pages } }
notifications:
  websub_hub: ${http}/hub
  retries: 2
  channels:
    - { id: chat, type: slack, url_secret: CANDOR_NOTIFY_SLACK_URL }
    - { id: teams, type: teams, url_secret: CANDOR_NOTIFY_TEAMS_URL }
    - { id: discord, type: discord, url_secret: CANDOR_NOTIFY_DISCORD_URL }
    - { id: hooks, type: webhook, url_secret: CANDOR_NOTIFY_HOOK_URL, signing_secret: CANDOR_NOTIFY_HOOK_SECRET }
    - id: mail
      type: email
      smtp: { host: 127.0.0.1, port: ${smtpPort}, security: none }
      from: Test Co Status <status@test.example>
      unsubscribe: mailto:unsubscribe@test.example
      subscribers_secret: CANDOR_NOTIFY_SUBSCRIBERS
    - { id: critical-only, type: slack, url_secret: CANDOR_NOTIFY_CRITICAL_URL, filter: { impacts: [critical] } }
    - { id: maintenance-only, type: slack, url_secret: CANDOR_NOTIFY_MAINTENANCE_URL, filter: { kinds: [maintenance] } }
    - { id: web-only, type: slack, url_secret: CANDOR_NOTIFY_WEB_URL, filter: { components: [web] } }
    - { id: api-fr, type: discord, url_secret: CANDOR_NOTIFY_API_FR_URL, locale: fr, filter: { components: [api], regions: [eu] } }
    - { id: social, type: mastodon, instance: ${http}/masto, token_secret: CANDOR_NOTIFY_MASTODON_TOKEN }
    - { id: sky, type: bluesky, service: ${http}/sky, handle: status.test.example, password_secret: CANDOR_NOTIFY_BLUESKY_PASSWORD, locale: fr, filter: { impacts: [major, critical] } }
`;

const SUBSCRIBERS = `subscribers:
  - email: ops@customer.example
  - email: compta@client.example
    locale: fr
  - email: web-team@customer.example
    components: [web]
`;

let http: HttpReceiver;
let smtp: SmtpReceiver;
let repo: GitRepo;
let ledger: string;
let env: NodeJS.ProcessEnv;

const run = (...args: string[]) => notifyAsync(['--root', repo.root, '--ledger', ledger, '--now', '2026-11-23T12:00:00Z', ...args], env);
const json = (r: { body: string }) => JSON.parse(r.body);
/** The ledger's record of what was delivered: its `sent` moves. */
const ledgerLines = () => (existsSync(join(ledger, 'deliveries.jsonl')) ? readFileSync(join(ledger, 'deliveries.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.state === 'sent') : []);
const position = () => JSON.parse(readFileSync(join(ledger, 'position.json'), 'utf8')).commit as string;

beforeAll(async () => {
  http = await httpReceiver();
  smtp = await smtpReceiver();
  repo = gitRepo(config(http.url, smtp.port));
  ledger = join(repo.root, '..', `${repo.root.split('/').pop()}-ledger`);
  const secrets = {
    CANDOR_NOTIFY_SLACK_URL: `${http.url}/slack`, CANDOR_NOTIFY_TEAMS_URL: `${http.url}/teams`, CANDOR_NOTIFY_DISCORD_URL: `${http.url}/discord`, CANDOR_NOTIFY_HOOK_URL: `${http.url}/hook`, CANDOR_NOTIFY_HOOK_SECRET: SIGNING,
    CANDOR_NOTIFY_CRITICAL_URL: `${http.url}/critical`, CANDOR_NOTIFY_MAINTENANCE_URL: `${http.url}/maintenance`, CANDOR_NOTIFY_WEB_URL: `${http.url}/web`, CANDOR_NOTIFY_API_FR_URL: `${http.url}/api-fr`,
    CANDOR_NOTIFY_MASTODON_TOKEN: 'masto-token', CANDOR_NOTIFY_BLUESKY_PASSWORD: 'app-password', CANDOR_NOTIFY_SUBSCRIBERS: SUBSCRIBERS,
  };
  // As the workflow passes them: every secret at once, as JSON.
  env = { CANDOR_SECRETS: JSON.stringify(secrets) };
});
afterAll(async () => {
  await http?.close();
  await smtp?.close();
});

describe('candor notify', () => {
  let first: string;

  it('sends the first update of an incident to every channel that takes it, each in its own format', async () => {
    first = repo.commit({
      [`${INCIDENT}/index.md`]: md({ title: 'API requests are failing in Europe', kind: 'incident', impact: 'major', components: ['api'], regions: ['eu'], started: '2026-11-23T09:00:00Z', provider: 'Cloudway' }),
      [`${INCIDENT}/index.fr.md`]: md({ title: 'Des requêtes API échouent en Europe' }),
      [`${INCIDENT}/2026-11-23T0905Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T09:45:00Z' }, 'About 1 in 5 API requests from Europe fail because Cloudway, our hosting provider, has a network fault. Retrying a failed request is safe. We will post again by 09:45 UTC.'),
      [`${INCIDENT}/2026-11-23T0905Z.fr.md`]: 'Environ une requête API sur cinq échoue en Europe. Vous pouvez réessayer sans risque.',
    });
    const r = await run();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no position yet');

    const [slack] = http.delivered('/slack');
    const blocks = json(slack!).blocks;
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'API requests are failing in Europe' } });
    expect(JSON.stringify(blocks)).toContain('https://status.test.example/incidents/2026-11-23-api-errors/');
    // Chat leaves the status page: the third party is named generically.
    expect(slack!.body).not.toContain('Cloudway');
    expect(slack!.body).toContain('one of our providers');

    const card = json(http.delivered('/teams')[0]!).attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.body[1].text).toBe('API requests are failing in Europe');
    expect(card.content.actions[0].url).toBe('https://status.test.example/incidents/2026-11-23-api-errors/');
    expect(card.content.body[2].facts.at(-1)).toEqual({ title: 'Next update', value: expect.stringMatching(/^9:45\sAM UTC$/u) });

    const embed = json(http.delivered('/discord')[0]!);
    expect(embed.allowed_mentions).toEqual({ parse: [] });
    expect(embed.embeds[0].title).toBe('API requests are failing in Europe');
    expect(embed.embeds[0].timestamp).toBe('2026-11-23T09:05:00.000Z');
    expect(embed.embeds[0].fields.map((f: { name: string }) => f.name)).toEqual(['Status', 'Affects', 'Next update']);

    // The webhook verifies with the Standard Webhooks library and carries Statuspage's incident shape.
    const hook = http.delivered('/hook')[0]!;
    const payload = new Webhook(SIGNING).verify(hook.body, hook.headers as Record<string, string>) as { page: { status_indicator: string }; incident: { name: string; status: string; incident_updates: { status: string; body: string }[]; shortlink: string } };
    expect(payload.page.status_indicator).toBe('major');
    expect(payload.incident).toMatchObject({ name: 'API requests are failing in Europe', status: 'investigating', shortlink: 'https://status.test.example/incidents/2026-11-23-api-errors/' });
    expect(payload.incident.incident_updates[0]!.body).toContain('Cloudway');
    expect(() => new Webhook(SIGNING).verify(`${hook.body} `, hook.headers as Record<string, string>)).toThrow();

    // Filters: not critical, not maintenance, not the website; the French channel takes API incidents in Europe.
    expect(http.delivered('/critical')).toHaveLength(0);
    expect(http.delivered('/maintenance')).toHaveLength(0);
    expect(http.delivered('/web')).toHaveLength(0);
    const fr = json(http.delivered('/api-fr')[0]!).embeds[0];
    expect(fr.title).toBe('Des requêtes API échouent en Europe');
    expect(fr.description).toContain('Environ une requête API sur cinq');
    expect(fr.url).toBe('https://status.test.example/fr/incidents/2026-11-23-api-errors/');

    // Social: within 280 characters with its link, the provider named generically.
    const toot = http.delivered('/masto/api/v1/statuses')[0]!;
    expect(toot.headers.authorization).toBe('Bearer masto-token');
    expect(toot.headers['idempotency-key']).toMatch(/^[0-9a-f]{64}$/);
    const status = json(toot).status as string;
    expect([...status].length).toBeLessThanOrEqual(280);
    expect(status).toMatch(/one of our providers/);
    expect(status).not.toMatch(/Cloudway/i);
    expect(status.endsWith('https://status.test.example/incidents/2026-11-23-api-errors/')).toBe(true);

    // Bluesky: a session from the app password, then a French post whose link is a facet at its byte offsets.
    const [login, create] = http.requests.filter((x) => x.path.startsWith('/sky/'));
    expect(login!.path).toBe('/sky/xrpc/com.atproto.server.createSession');
    expect(json(login!)).toEqual({ identifier: 'status.test.example', password: 'app-password' });
    expect(create!.path).toBe('/sky/xrpc/com.atproto.repo.createRecord');
    expect(create!.headers.authorization).toBe('Bearer jwt-for-test');
    const { repo: did, collection, record } = json(create!);
    expect([did, collection]).toEqual(['did:plc:test', 'app.bsky.feed.post']);
    expect(record.text).toMatch(/^Analyse en cours : Des requêtes API échouent en Europe|^Analyse en cours: Des requêtes API échouent en Europe/);
    const link = 'https://status.test.example/fr/incidents/2026-11-23-api-errors/';
    const bytes = Buffer.from(record.text, 'utf8');
    const { byteStart, byteEnd } = record.facets[0].index;
    expect(bytes.subarray(byteStart, byteEnd).toString('utf8')).toBe(link);
    expect(record.facets[0].features[0]).toEqual({ $type: 'app.bsky.richtext.facet#link', uri: link });

    // Email: one message per subscriber who takes it, in their language, with List-Unsubscribe.
    expect(smtp.recipients).toEqual([['ops@customer.example'], ['compta@client.example']]);
    const [en, frMail] = smtp.messages;
    expect(en!.subject).toBe('[Investigating] API requests are failing in Europe');
    expect(en!.text).toContain('About 1 in 5 API requests');
    expect(en!.text).not.toContain('Cloudway');
    expect(en!.html).toContain('<a href="https://status.test.example/incidents/2026-11-23-api-errors/">');
    expect(en!.headers.get('list')).toMatchObject({ unsubscribe: { mail: 'unsubscribe@test.example?subject=unsubscribe%20ops%40customer.example' }, id: { id: 'mail.status.test.example' } });
    expect(en!.headers.get('auto-submitted')).toBe('auto-generated');
    expect(frMail!.subject).toBe('[Analyse en cours] Des requêtes API échouent en Europe');
    expect(frMail!.text).toContain('https://status.test.example/fr/incidents/2026-11-23-api-errors/');

    // WebSub: the hub hears about each language's feeds, and the API component's.
    const pings = http.delivered('/hub').map((p) => new URLSearchParams(p.body));
    expect(pings.every((p) => p.get('hub.mode') === 'publish')).toBe(true);
    expect(pings.map((p) => p.get('hub.url'))).toEqual(expect.arrayContaining(['https://status.test.example/rss.xml', 'https://status.test.example/fr/atom.xml', 'https://status.test.example/components/api/rss.xml']));

    // The ledger: one line per delivery, no email address in it, and the position at this commit.
    const lines = ledgerLines();
    expect(lines).toHaveLength(9);
    expect(JSON.stringify(lines)).not.toMatch(/@/);
    expect(position()).toBe(first);
  });

  it('sends nothing on a re-run, even one that starts from an older commit', async () => {
    const before = http.requests.length;
    const again = await run();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 new update(s)');
    const older = await run('--since', `${first}^`);
    expect(older.code).toBe(0);
    expect(older.stdout).toMatch(/already-sent +chat ← 2026-11-23-api-errors\/2026-11-23T0905Z/);
    expect(http.requests.slice(before).filter((r) => r.path !== '/hub')).toEqual([]);
    expect(smtp.messages).toHaveLength(2);
  });

  it('retries a receiver that fails once, and announces maintenance only where it is wanted', async () => {
    http.fail('/slack', 502, 1);
    repo.commit({
      [`${INCIDENT}/2026-11-23T0940Z.md`]: md({ status: 'identified', next_update: '2026-11-23T10:30:00Z' }, 'We found the fault and are moving API traffic away from it.'),
      [`${MAINTENANCE}/index.md`]: md({ title: 'Website read-only during an upgrade', kind: 'maintenance', components: ['web'], scheduled: { start: '2026-11-23T11:00:00Z', end: '2026-11-23T12:30:00Z' } }),
      [`${MAINTENANCE}/2026-11-23T0950Z.md`]: md({ status: 'scheduled' }, 'The website will be read-only for up to an hour.'),
    });
    const before = http.requests.length;
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/chat: .*502.*retry 1 of 2/);
    const slack = http.requests.slice(before).filter((x) => x.path === '/slack');
    expect(slack.map((x) => x.status)).toEqual([502, 200, 200]);
    expect(json(slack[1]!).blocks[0].text.text).toBe('API requests are failing in Europe');
    expect(json(slack[2]!).blocks[0].text.text).toBe('Website read-only during an upgrade');
    expect(http.delivered('/maintenance').map((x) => json(x).blocks[0].text.text)).toEqual(['Website read-only during an upgrade']);
    expect(http.delivered('/web')).toHaveLength(1);
    expect(http.delivered('/critical')).toHaveLength(0);
    // The web team's subscriber takes the website maintenance only.
    expect(smtp.recipients.slice(2)).toEqual([['ops@customer.example'], ['compta@client.example'], ['ops@customer.example'], ['compta@client.example'], ['web-team@customer.example']]);
  });

  it('reports a channel that keeps failing, keeps the others going, and sends exactly the missing message on the next run', async () => {
    http.fail('/discord', 503, Infinity);
    const resolved = repo.commit({ [`${INCIDENT}/2026-11-23T1030Z.md`]: md({ status: 'resolved' }, 'API requests from Europe have worked normally since 10:20 UTC.') });
    const summary = join(ledger, '..', `${repo.root.split('/').pop()}-summary.md`);
    const before = http.requests.length;
    const failed = await run('--summary', summary);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/failed +discord ← 2026-11-23-api-errors\/2026-11-23T1030Z: 127\.0\.0\.1:\d+ answered 503/);
    expect(failed.stderr).toContain('1 message(s) not delivered');
    expect(http.requests.slice(before).filter((x) => x.path === '/discord')).toHaveLength(3);
    expect(http.delivered('/slack').map((x) => json(x).text).at(-1)).toMatch(/^Resolved: API requests/);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('| discord | `2026-11-23-api-errors/2026-11-23T1030Z` | ❌ failed');
    expect(text).toContain('**Not delivered: 1 message(s).**');
    expect(position()).not.toBe(resolved);

    http.clearFailures();
    const after = http.requests.length;
    const rerun = await run();
    expect(rerun.code).toBe(0);
    const sent = http.requests.slice(after).filter((x) => x.path !== '/hub');
    expect(sent.map((x) => x.path)).toEqual(['/discord']);
    expect(json(sent[0]!).embeds[0].fields[0].value).toBe('Resolved');
    expect(position()).toBe(resolved);
  });

  it('prints exactly what a dry run would send, and sends and records nothing', async () => {
    repo.commit({ [`${MAINTENANCE}/2026-11-23T1100Z.md`]: md({ status: 'in_progress' }, 'The upgrade has started; the website is read-only.') });
    const before = http.requests.length;
    const lines = ledgerLines().length;
    const start = position();
    const r = await run('--dry-run', '--channel', 'hooks', '--channel', 'mail');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('=== hooks ← 2026-11-23-web-upgrade/2026-11-23T1100Z');
    expect(r.stdout).toContain('POST <CANDOR_NOTIFY_HOOK_URL>');
    expect(r.stdout).toContain('webhook-signature: v1,<HMAC-SHA256 with CANDOR_NOTIFY_HOOK_SECRET>');
    expect(r.stdout).toContain('"status": "in_progress"');
    expect(r.stdout).toContain('To: web-team@customer.example');
    expect(r.stdout).toContain('Subject: [In progress] Website read-only during an upgrade');
    expect(r.stdout).toContain('dry run: 4 message(s) would be sent');
    expect(http.requests.length).toBe(before);
    expect(ledgerLines()).toHaveLength(lines);
    expect(position()).toBe(start);
  });

  it('holds back channels whose mirror did not deploy', async () => {
    const r = await run('--deployed', '', '--channel', 'chat');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/held +chat ← 2026-11-23-web-upgrade\/2026-11-23T1100Z: mirror main was not deployed by this run/);
  });
});

describe('candor notify without its secrets', () => {
  it('fails the channel at once, naming the secret and where to add it, and sends the rest', async () => {
    const bare = gitRepo(`name: Test Co
components:
  - { id: api, name: API }
mirrors:
  - { id: main, url: https://status.test.example/, locale: en }
notifications:
  channels:
    - { id: chat, type: slack, url_secret: CANDOR_NOTIFY_MISSING_SLACK_URL }
    - { id: ops, type: slack, url_secret: CANDOR_NOTIFY_OPS_URL }
`);
    const receiver = await httpReceiver();
    try {
      bare.commit({
        [`${INCIDENT}/index.md`]: md({ title: 'API errors', kind: 'incident', impact: 'minor', components: ['api'], started: '2026-11-23T09:00:00Z' }),
        [`${INCIDENT}/2026-11-23T0905Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T09:45:00Z' }, 'Some API requests fail. We will post again by 09:45 UTC.'),
      });
      const r = await notifyAsync(['--root', bare.root, '--ledger', join(bare.root, '.candor-ledger'), '--now', '2026-11-23T10:00:00Z'], {
        CANDOR_SECRETS: JSON.stringify({ CANDOR_NOTIFY_OPS_URL: `${receiver.url}/ops` }),
      });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('failed       chat ← 2026-11-23-api-errors/2026-11-23T0905Z: the secret CANDOR_NOTIFY_MISSING_SLACK_URL (the slack URL of channel chat) is not set; add it under Settings → Secrets and variables → Actions, or export it');
      expect(r.stdout).not.toMatch(/retry/);
      expect(receiver.delivered('/ops')).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});
