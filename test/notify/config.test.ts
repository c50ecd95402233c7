// Notification settings are checked with the rest of the config, and the subscriber list with the same care:
// each mistake names the file, the field and the fix.
import { describe, expect, it } from 'vitest';
import { parseSubscribers } from '../../scripts/notify/subscribers.ts';
import { candor } from '../helpers/cli.ts';
import { MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const check = (notifications: string) => candor(['check', '--root', testdir({}, { config: `${MINIMAL_CONFIG}notifications:\n${notifications}` }), '--now', '2026-11-23T12:00:00Z']);

describe('notification config', () => {
  it('accepts channels that name their secrets', () => {
    const r = check('  channels:\n    - { id: ops, type: slack, url_secret: CANDOR_NOTIFY_SLACK_URL, filter: { components: [api], impacts: [major, maintenance] } }\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('refuses a secret pasted where its name belongs', () => {
    const r = check('  channels:\n    - { id: ops, type: slack, url_secret: "https://hooks.slack.com/services/T000/B000/XXXX" }\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/candor\.config\.yaml:\d+ notifications\.channels\.0\.url_secret: must be the name of a secret \(letters, digits, underscores\), like CANDOR_NOTIFY_SLACK_URL, not its value/);
  });

  it('names unknown components, impacts, mirrors and channel types, with what is known', () => {
    const r = check('  channels:\n    - { id: ops, type: slack, url_secret: CANDOR_NOTIFY_S, mirror: mian, filter: { components: [apii], impacts: [severe] } }\n    - { id: ops, type: pager, url_secret: CANDOR_NOTIFY_S }\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/notifications\.channels\.1\.type: .*must have type slack, teams, discord, webhook, email, mastodon or bluesky/);
    const fixed = check('  channels:\n    - { id: ops, type: slack, url_secret: CANDOR_NOTIFY_S, mirror: mian, filter: { components: [apii], impacts: [severe] } }\n    - { id: ops, type: teams, url_secret: CANDOR_NOTIFY_S }\n');
    expect(fixed.stderr).toMatch(/notifications\.channels\.0\.mirror: unknown mirror "mian"\n  fix: .*main/);
    expect(fixed.stderr).toMatch(/notifications\.channels\.0\.filter\.components\.0: unknown component "apii"\n  fix: .*api/);
    expect(fixed.stderr).toMatch(/notifications\.channels\.0\.filter\.impacts\.0: unknown impact "severe"/);
    expect(fixed.stderr).toMatch(/notifications\.channels\.1\.id: "ops" is used twice/);
  });

  it('wants exactly one source of email subscribers', () => {
    const r = check('  channels:\n    - { id: mail, type: email, smtp: { host: smtp.example.com }, from: "S <s@example.com>", unsubscribe: "mailto:u@example.com" }\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/notifications\.channels\.0: needs exactly one of subscribers_secret and subscribers_file/);
  });
});

describe('subscriber list', () => {
  it('reads subscribers, dropping repeated addresses', () => {
    const list = parseSubscribers('subscribers:\n  - email: a@example.com\n  - email: b@example.com\n    locale: fr\n  - email: A@example.com\n', 'secret SUBSCRIBERS');
    expect(list).toEqual([{ email: 'a@example.com' }, { email: 'b@example.com', locale: 'fr' }]);
  });

  it('names the source, line and field of a mistake', () => {
    expect(() => parseSubscribers('subscribers:\n  - email: a@example.com\n  - email: not-an-address\n', 'secret SUBSCRIBERS')).toThrow(/secret SUBSCRIBERS:3 subscribers\.1\.email: must be an email address/);
    expect(() => parseSubscribers('- email: a@example.com\n', 'private/subscribers.yaml')).toThrow(/private\/subscribers\.yaml:1 .*\n  fix: write it as "subscribers:"/);
  });
});
