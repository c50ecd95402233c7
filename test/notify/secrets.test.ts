// Where secrets may go: the config names no secret a deploy or GitHub uses, sends tokens only over https, keeps
// chat channels on their services' hosts, and the notify job receives only the secrets the config names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretsFromEnv } from '../../scripts/notify/secrets.ts';
import { candor, candorAsync } from '../helpers/cli.ts';
import { gitRepo } from '../helpers/git-repo.ts';
import { httpReceiver, type HttpReceiver } from '../helpers/receivers.ts';
import { md, MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const check = (notifications: string) => candor(['check', '--root', testdir({}, { config: `${MINIMAL_CONFIG}notifications:\n${notifications}` }), '--now', '2026-11-23T12:00:00Z']);

describe('secrets in the notification config', () => {
  for (const name of ['github_token', 'GITHUB_TOKEN', 'CANDOR_BOT_TOKEN', 'CLOUDFLARE_API_TOKEN', 'NETLIFY_AUTH_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'ACTIONS_RUNTIME_TOKEN']) {
    it(`refuses to name ${name}`, () => {
      const r = check(`  channels:\n    - { id: social, type: mastodon, instance: https://mastodon.example, token_secret: ${name} }\n`);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/notifications\.channels\.0\.token_secret: names a secret that only GitHub or a deploy may use[^\n]*\n  fix: store what this channel needs in a secret of its own/);
    });
  }

  it('wants https for every remote host, and allows plain http only to this machine', () => {
    const r = check('  websub_hub: http://hub.example/\n  channels:\n    - { id: social, type: mastodon, instance: "http://mastodon.example", token_secret: MASTODON_TOKEN }\n    - { id: sky, type: bluesky, service: "http://bsky.example", handle: status.example.com, password_secret: BLUESKY_PASSWORD }\n');
    expect(r.code).toBe(1);
    for (const field of ['websub_hub', 'channels.0.instance', 'channels.1.service']) expect(r.stderr).toMatch(new RegExp(`notifications\\.${field.replace(/\./g, '\\.')}: must be an https:// URL`));
    expect(check('  channels:\n    - { id: social, type: mastodon, instance: "http://localhost:8080", token_secret: MASTODON_TOKEN }\n').code).toBe(0);
  });

  it('refuses smtp security none except on loopback', () => {
    const mail = (host: string) => `  channels:\n    - { id: mail, type: email, smtp: { host: ${host}, port: 25, security: none, password_secret: SMTP_PASSWORD }, from: "S <s@example.com>", unsubscribe: "mailto:u@example.com", subscribers_secret: SUBSCRIBERS }\n`;
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
    expect(JSON.parse(line.slice('notify_secrets='.length))).toEqual(['SLACK_WEBHOOK_URL', 'PARTNER_WEBHOOK_URL', 'PARTNER_WEBHOOK_SECRET', 'SMTP_USER', 'SMTP_PASSWORD', 'EU_EMAIL_SUBSCRIBERS', 'MASTODON_TOKEN']);
  });

  it('reads the slots under the names the config uses, and nothing else from them', () => {
    const lookup = secretsFromEnv({ CANDOR_SECRET_NAMES: '["SLACK_URL","TOKEN"]', CANDOR_SECRET_1: 'https://hooks.slack.com/services/x', CANDOR_SECRET_2: 't0k', CANDOR_SECRET_3: 'stray' });
    expect(lookup('SLACK_URL')).toBe('https://hooks.slack.com/services/x');
    expect(lookup('TOKEN')).toBe('t0k');
    expect(lookup('CANDOR_SECRET_3')).toBe('stray'); // an ordinary environment variable, as locally
    expect(lookup('github_token')).toBeUndefined();
  });
});

describe('chat channels', () => {
  let http: HttpReceiver;
  beforeAll(async () => void (http = await httpReceiver()));
  afterAll(async () => http?.close());

  it('escape the title in Slack\'s fallback text, and post only to their own service', async () => {
    const repo = gitRepo(`${MINIMAL_CONFIG}notifications:\n  retries: 0\n  channels:\n    - { id: chat, type: slack, url_secret: SLACK_URL }\n    - { id: stolen, type: slack, url_secret: ELSEWHERE_URL }\n    - { id: team, type: teams, url_secret: TEAMS_ELSEWHERE }\n    - { id: disc, type: discord, url_secret: DISCORD_ELSEWHERE }\n`);
    const first = repo.commit({ 'README.md': 'status' });
    repo.commit({
      'incidents/2026-11-23-x/index.md': md({ kind: 'incident', title: '<!channel> <@U024BE7LH> & <https://evil.example|click>', impact: 'major', components: ['api'], started: '2026-11-23T09:00:00Z' }),
      'incidents/2026-11-23-x/2026-11-23T0905Z.md': md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, 'Looking.'),
    });
    const secrets = { SLACK_URL: `${http.url}/slack`, ELSEWHERE_URL: 'https://attacker.example/services/x', TEAMS_ELSEWHERE: 'https://attacker.example/teams', DISCORD_ELSEWHERE: 'https://discord.com.attacker.example/api/webhooks/1' };
    const r = await candorAsync(['notify', '--root', repo.root, '--ledger', `${repo.root}-ledger`, '--since', first, '--now', '2026-11-23T12:00:00Z'], { env: { CANDOR_SECRETS: JSON.stringify(secrets), CANDOR_NOTIFY_BACKOFF_MS: '1' } });
    const [slack] = http.delivered('/slack');
    const text = JSON.parse(slack!.body).text as string;
    expect(text).toContain('&lt;!channel&gt; &lt;@U024BE7LH&gt; &amp; &lt;https://evil.example|click&gt;');
    expect(text).not.toMatch(/<[!@h]/);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('ELSEWHERE_URL points to attacker.example, which is not a slack webhook host');
    expect(r.stdout + r.stderr).toContain('TEAMS_ELSEWHERE points to attacker.example, which is not a teams webhook host');
    expect(r.stdout + r.stderr).toContain('DISCORD_ELSEWHERE points to discord.com.attacker.example, which is not a discord webhook host');
    expect(http.requests.map((q) => q.path)).toEqual(['/slack']);
  });
});
