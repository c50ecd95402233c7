// Where secrets may go: the config names only secrets declared for notifications (CANDOR_NOTIFY_…), sends tokens
// only over https and only to public internet hosts, keeps chat channels on their services' hosts, and the notify
// job receives only the secrets the config names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretsFromEnv } from '../../scripts/notify/secrets.ts';
import { notifyAsync } from './cli.ts';
import { candor, candorAsync } from '../helpers/cli.ts';
import { gitRepo } from '../helpers/git-repo.ts';
import { httpReceiver, smtpReceiver, type HttpReceiver, type SmtpReceiver } from '../helpers/receivers.ts';
import { md, MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const check = (notifications: string) => candor(['check', '--root', testdir({}, { config: `${MINIMAL_CONFIG}notifications:\n${notifications}` }), '--now', '2026-11-23T12:00:00Z']);

describe('secrets in the notification config', () => {
  // Before: only a short deny-list guarded this, so NPM_TOKEN, GH_TOKEN, an org secret or even PATH could be named.
  for (const name of ['NPM_TOKEN', 'GH_TOKEN', 'PATH', 'ORG_DEPLOY_KEY', 'SLACK_WEBHOOK_URL', 'github_token', 'GITHUB_TOKEN', 'CANDOR_BOT_TOKEN', 'CLOUDFLARE_API_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'candor_notify_lowercase']) {
    it(`refuses to name ${name}: only secrets declared for notifications (CANDOR_NOTIFY_…)`, () => {
      const r = check(`  channels:\n    - { id: social, type: mastodon, instance: https://mastodon.example, token_secret: ${name} }\n`);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/candor\.config\.yaml:\d+ notifications\.channels\.0\.token_secret: names a secret not declared for notifications: a channel may name only secrets whose names start with CANDOR_NOTIFY_\n  fix: store what this channel needs in a secret of its own named CANDOR_NOTIFY_… \(Settings → Environments → notifications → Add secret\), e\.g\. CANDOR_NOTIFY_SLACK_URL, and name that here/);
    });
  }

  it('accepts every secret field named CANDOR_NOTIFY_…', () => {
    const r = check('  channels:\n    - { id: hook, type: webhook, url_secret: CANDOR_NOTIFY_HOOK_URL, signing_secret: CANDOR_NOTIFY_HOOK_SECRET }\n    - { id: mail, type: email, smtp: { host: smtp.example.com, user_secret: CANDOR_NOTIFY_SMTP_USER, password_secret: CANDOR_NOTIFY_SMTP_PASSWORD }, from: "S <s@example.com>", unsubscribe: "mailto:u@example.com", subscribers_secret: CANDOR_NOTIFY_SUBSCRIBERS }\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('wants https for every remote host, and allows plain http only to this machine', () => {
    const r = check('  websub_hub: http://hub.example/\n  channels:\n    - { id: social, type: mastodon, instance: "http://mastodon.example", token_secret: CANDOR_NOTIFY_MASTODON_TOKEN }\n    - { id: sky, type: bluesky, service: "http://bsky.example", handle: status.example.com, password_secret: CANDOR_NOTIFY_BLUESKY_PASSWORD }\n');
    expect(r.code).toBe(1);
    for (const field of ['websub_hub', 'channels.0.instance', 'channels.1.service']) expect(r.stderr).toMatch(new RegExp(`notifications\\.${field.replace(/\./g, '\\.')}: must be an https:// URL`));
    expect(check('  channels:\n    - { id: social, type: mastodon, instance: "http://localhost:8080", token_secret: CANDOR_NOTIFY_MASTODON_TOKEN }\n').code).toBe(0);
  });

  it('refuses a host written as an address off the public internet, naming the field and the fix', () => {
    const r = check('  websub_hub: "https://[fd00::1]/"\n  channels:\n    - { id: social, type: mastodon, instance: "https://169.254.169.254", token_secret: CANDOR_NOTIFY_MASTODON_TOKEN }\n    - { id: sky, type: bluesky, service: "https://10.0.0.7", handle: status.example.com, password_secret: CANDOR_NOTIFY_BLUESKY_PASSWORD }\n    - { id: mail, type: email, smtp: { host: 100.64.0.1 }, from: "S <s@example.com>", unsubscribe: "mailto:u@example.com", subscribers_secret: CANDOR_NOTIFY_SUBSCRIBERS }\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/candor\.config\.yaml:\d+ notifications\.websub_hub: is a unique-local \(private\) address \(fd00::1\); notifications go only to public internet hosts\n  fix: use the service's public host name/);
    expect(r.stderr).toMatch(/notifications\.channels\.0\.instance: is a link-local address \(169\.254\.169\.254\)/);
    expect(r.stderr).toMatch(/notifications\.channels\.1\.service: is a private address \(10\.0\.0\.7\)/);
    expect(r.stderr).toMatch(/notifications\.channels\.2\.smtp\.host: is a carrier-grade NAT \(shared\) address \(100\.64\.0\.1\)/);
    // Names are checked when sending (they can change what they resolve to); loopback is refused there.
    expect(check('  channels:\n    - { id: social, type: mastodon, instance: "https://mastodon.social", token_secret: CANDOR_NOTIFY_MASTODON_TOKEN }\n').code).toBe(0);
  });

  it('refuses smtp security none except on loopback', () => {
    const mail = (host: string) => `  channels:\n    - { id: mail, type: email, smtp: { host: ${host}, port: 25, security: none, password_secret: CANDOR_NOTIFY_SMTP_PASSWORD }, from: "S <s@example.com>", unsubscribe: "mailto:u@example.com", subscribers_secret: CANDOR_NOTIFY_SUBSCRIBERS }\n`;
    const r = check(mail('smtp.example.com'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/notifications\.channels\.0\.smtp\.security: is none for a remote host[^\n]*\n  fix: use security: starttls/);
    expect(check(mail('127.0.0.1')).code).toBe(0);
  });
});

describe('secrets the notify job receives', () => {
  it('the plan job lists exactly the secrets the config names, for the workflow to map into slots', () => {
    const r = candor(['github', 'deploy-matrix', '--now', '2026-11-23T08:30:00Z']);
    expect(r.code, r.stderr).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('notify_secrets='))!;
    expect(JSON.parse(line.slice('notify_secrets='.length))).toEqual(['CANDOR_NOTIFY_SLACK_WEBHOOK_URL', 'CANDOR_NOTIFY_PARTNER_WEBHOOK_URL', 'CANDOR_NOTIFY_PARTNER_WEBHOOK_SECRET', 'CANDOR_NOTIFY_SMTP_USER', 'CANDOR_NOTIFY_SMTP_PASSWORD', 'CANDOR_NOTIFY_EU_EMAIL_SUBSCRIBERS', 'CANDOR_NOTIFY_MASTODON_TOKEN']);
  });

  it('reads the slots under the names the config uses, and nothing else', () => {
    const lookup = secretsFromEnv({ CANDOR_SECRET_NAMES: '["CANDOR_NOTIFY_SLACK_URL","CANDOR_NOTIFY_TOKEN"]', CANDOR_SECRET_1: 'https://hooks.slack.com/services/x', CANDOR_SECRET_2: 't0k', CANDOR_SECRET_3: 'stray' });
    expect(lookup('CANDOR_NOTIFY_SLACK_URL')).toBe('https://hooks.slack.com/services/x');
    expect(lookup('CANDOR_NOTIFY_TOKEN')).toBe('t0k');
    expect(lookup('CANDOR_SECRET_3')).toBeUndefined();
    expect(lookup('github_token')).toBeUndefined();
  });
});

describe('chat channels', () => {
  let http: HttpReceiver;
  beforeAll(async () => void (http = await httpReceiver()));
  afterAll(async () => http?.close());

  it('escape the title in Slack\'s fallback text, and post only to their own service', async () => {
    const repo = gitRepo(`${MINIMAL_CONFIG}notifications:\n  retries: 0\n  channels:\n    - { id: chat, type: slack, url_secret: CANDOR_NOTIFY_SLACK_URL }\n    - { id: stolen, type: slack, url_secret: CANDOR_NOTIFY_ELSEWHERE_URL }\n    - { id: team, type: teams, url_secret: CANDOR_NOTIFY_TEAMS_ELSEWHERE }\n    - { id: disc, type: discord, url_secret: CANDOR_NOTIFY_DISCORD_ELSEWHERE }\n`);
    const first = repo.commit({ 'README.md': 'status' });
    repo.commit({
      'incidents/2026-11-23-x/index.md': md({ kind: 'incident', title: '<!channel> <@U024BE7LH> & <https://evil.example|click>', impact: 'major', components: ['api'], started: '2026-11-23T09:00:00Z' }),
      'incidents/2026-11-23-x/2026-11-23T0905Z.md': md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, 'Looking.'),
    });
    const secrets = { CANDOR_NOTIFY_SLACK_URL: `${http.url}/slack`, CANDOR_NOTIFY_ELSEWHERE_URL: 'https://attacker.example/services/x', CANDOR_NOTIFY_TEAMS_ELSEWHERE: 'https://attacker.example/teams', CANDOR_NOTIFY_DISCORD_ELSEWHERE: 'https://discord.com.attacker.example/api/webhooks/1' };
    const r = await notifyAsync(['--root', repo.root, '--ledger', `${repo.root}-ledger`, '--since', first, '--now', '2026-11-23T12:00:00Z'], { CANDOR_SECRETS: JSON.stringify(secrets) });
    const [slack] = http.delivered('/slack');
    const text = JSON.parse(slack!.body).text as string;
    expect(text).toContain('&lt;!channel&gt; &lt;@U024BE7LH&gt; &amp; &lt;https://evil.example|click&gt;');
    expect(text).not.toMatch(/<[!@h]/);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('CANDOR_NOTIFY_ELSEWHERE_URL points to attacker.example, which is not a slack webhook host');
    expect(r.stdout + r.stderr).toContain('CANDOR_NOTIFY_TEAMS_ELSEWHERE points to attacker.example, which is not a teams webhook host');
    expect(r.stdout + r.stderr).toContain('CANDOR_NOTIFY_DISCORD_ELSEWHERE points to discord.com.attacker.example, which is not a discord webhook host');
    expect(http.requests.map((q) => q.path)).toEqual(['/slack']);
  });
});

describe('hosts the config or a secret chooses, in a real run', () => {
  let http: HttpReceiver;
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    http = await httpReceiver();
    smtp = await smtpReceiver();
  });
  afterAll(async () => {
    await http?.close();
    await smtp?.close();
  });

  it('refuses this machine and private networks, naming the config field or secret and the fix; nothing reaches them', async () => {
    const port = new URL(http.url).port;
    const repo = gitRepo(`${MINIMAL_CONFIG}notifications:\n  retries: 0\n  websub_hub: ${http.url}/hub\n  channels:\n    - { id: hook, type: webhook, url_secret: CANDOR_NOTIFY_HOOK_URL, signing_secret: CANDOR_NOTIFY_HOOK_SECRET }\n    - { id: named, type: webhook, url_secret: CANDOR_NOTIFY_NAMED_URL, signing_secret: CANDOR_NOTIFY_HOOK_SECRET }\n    - { id: social, type: mastodon, instance: "${http.url}/masto", token_secret: CANDOR_NOTIFY_MASTODON_TOKEN }\n    - { id: mail, type: email, smtp: { host: 127.0.0.1, port: ${smtp.port}, security: none }, from: "S <s@example.com>", unsubscribe: "mailto:u@example.com", subscribers_secret: CANDOR_NOTIFY_SUBSCRIBERS }\n`);
    const first = repo.commit({ 'README.md': 'status' });
    repo.commit({
      'incidents/2026-11-23-x/index.md': md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], started: '2026-11-23T09:00:00Z' }),
      'incidents/2026-11-23-x/2026-11-23T0905Z.md': md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, 'Looking.'),
    });
    const secrets = {
      CANDOR_NOTIFY_HOOK_URL: `${http.url}/hook`, CANDOR_NOTIFY_NAMED_URL: `https://localhost:${port}/hook`, CANDOR_NOTIFY_HOOK_SECRET: `whsec_${Buffer.from('a test secret of thirty-two bytes').toString('base64')}`,
      CANDOR_NOTIFY_MASTODON_TOKEN: 'token', CANDOR_NOTIFY_SUBSCRIBERS: 'subscribers:\n  - email: a@example.com\n',
    };
    // The production command, as `npx candor notify` runs it in the workflow.
    const r = await candorAsync(['notify', '--root', repo.root, '--ledger', `${repo.root}-ledger`, '--since', first, '--now', '2026-11-23T12:00:00Z'], { env: { CANDOR_SECRETS: JSON.stringify(secrets) } });
    expect(r.code).toBe(1);
    const fix = 'notifications go only to public internet hosts. Fix: point it at the service\'s public https:// address';
    expect(r.stdout).toContain(`failed       hook ← 2026-11-23-x/2026-11-23T0905Z: the secret CANDOR_NOTIFY_HOOK_URL (candor.config.yaml notifications.channels.0.url_secret, channel hook): 127.0.0.1 is a loopback address; ${fix}`);
    expect(r.stdout).toMatch(/failed +named ← 2026-11-23-x\/2026-11-23T0905Z: the secret CANDOR_NOTIFY_NAMED_URL \(candor\.config\.yaml notifications\.channels\.1\.url_secret, channel named\): localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect(r.stdout).toContain(`failed       social ← 2026-11-23-x/2026-11-23T0905Z: candor.config.yaml notifications.channels.2.instance: 127.0.0.1 is a loopback address; ${fix}`);
    expect(r.stdout).toMatch(/failed +mail ← 2026-11-23-x\/2026-11-23T0905Z \([0-9a-f]{16}\): candor\.config\.yaml notifications\.channels\.3\.smtp\.host: 127\.0\.0\.1 is a loopback address/);
    expect(r.stdout).toContain(`failed       WebSub ping for https://status.test.example/rss.xml: candor.config.yaml notifications.websub_hub: 127.0.0.1 is a loopback address; ${fix}`);
    expect(http.requests).toEqual([]);
    expect(smtp.messages).toEqual([]);
  });
});
