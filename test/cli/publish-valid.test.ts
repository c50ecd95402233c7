// Issue 27, "one broken file blocks everyone": a colleague pushes a typo into incident A (a component the config
// does not know). The deploy still publishes every other incident, and A as it last was valid; everyone can still
// post to the other incidents; only A refuses writes, and only a broken config stops the build.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { notifyAsync } from '../notify/cli.ts';
import { httpReceiver, type HttpReceiver } from '../helpers/receivers.ts';
import { gitRepo, type GitRepo } from '../helpers/git-repo.ts';
import { MINIMAL_CONFIG, md } from '../helpers/testdir.ts';

const NOW = '2026-11-23T12:00:00Z';
const A = 'incidents/2026-11-23-card-payments';
const B = 'incidents/2026-11-23-api-errors';
const incident = (title: string, component: string) => md({ title, kind: 'incident', impact: 'major', components: [component], started: '2026-11-23T10:00:00Z' });

let repo: GitRepo & { valid: string };
const out = () => join(repo.root, 'dist');
const page = (id: string) => readFileSync(join(out(), 'main', 'incidents', id, 'index.html'), 'utf8');

beforeAll(() => {
  const r = gitRepo(MINIMAL_CONFIG);
  const valid = r.commit(
    {
      [`${A}/index.md`]: incident('Card payments fail', 'web'),
      [`${A}/2026-11-23T1010Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T12:30:00Z' }, 'Some payments fail.'),
      [`${B}/index.md`]: incident('API errors', 'api'),
      [`${B}/2026-11-23T1020Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T12:30:00Z' }, 'Some requests fail.'),
    },
    'Open both incidents',
  );
  r.commit({ [`${A}/2026-11-23T1100Z.md`]: md({ status: 'identified', next_update: '2026-11-23T12:30:00Z', components: { apu: 'major_outage' } }, 'We found the cause.') }, 'Card payments: identified (with a typo)');
  repo = { ...r, valid };
});

describe('a broken incident committed on top of a valid one', () => {
  it('candor build publishes every valid incident and the broken one as it last was valid, naming the file', () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'candor-summary-')), 'summary.md');
    const r = candor(['build', '--root', repo.root, '--out', out(), '--now', NOW], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code, r.stderr).toBe(0);
    // The deploy job's summary says it too, for whoever did not read the log.
    expect(readFileSync(summary, 'utf8')).toContain(`- \`${A}\`: published its last valid version, from \`${repo.valid.slice(0, 7)}\``);
    expect(r.stderr).toContain(`${A} has problems, so it was published as of commit ${repo.valid.slice(0, 7)}`);
    expect(r.stderr).toContain(`"Open both incidents"), its last valid version:\n  ${A}/2026-11-23T1100Z.md:4 components.apu: unknown component "apu"\n    fix: did you mean "api"?`);
    expect(r.stdout).toMatch(/^built main: \d+ pages/m);
    // A stays open, as its last valid version says; the broken update is not published.
    expect(page('2026-11-23-card-payments')).toContain('Some payments fail.');
    expect(page('2026-11-23-card-payments')).toContain('Investigating');
    expect(page('2026-11-23-card-payments')).not.toContain('We found the cause.');
    expect(page('2026-11-23-api-errors')).toContain('Some requests fail.');
  });

  it('candor build --strict (pull-request checks) still fails and builds nothing', () => {
    const r = candor(['build', '--root', repo.root, '--out', join(repo.root, 'strict'), '--now', NOW, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${A}/2026-11-23T1100Z.md:4 components.apu: unknown component "apu"`);
    expect(r.stderr).toContain('nothing was built');
  });

  it('candor update and resolve work on the healthy incident', () => {
    const update = candor(['update', '2026-11-23-api-errors', '--root', repo.root, '--yes', '--status', 'identified', '--body', 'We found the cause of the API errors.', '--next-update', '30', '--at', '2026-11-23T12:05:00Z']);
    expect(update.code, update.stderr).toBe(0);
    expect(update.stdout).toContain(`Wrote:\n  ${B}/2026-11-23T1205Z.md`);
    expect(readFileSync(join(repo.root, B, '2026-11-23T1205Z.md'), 'utf8')).toContain('status: identified');
    const resolve = candor(['resolve', 'api-errors', '--root', repo.root, '--yes', '--data-loss', 'none', '--body', 'API requests work normally again.', '--at', '2026-11-23T12:20:00Z']);
    expect(resolve.code, resolve.stderr).toBe(0);
    expect(readFileSync(join(repo.root, B, '2026-11-23T1220Z.md'), 'utf8')).toContain('status: resolved');
    const postmortem = candor(['postmortem', 'api-errors', '--root', repo.root, '--dry-run', '--at', '2026-11-23T13:00:00Z']);
    expect(postmortem.code, postmortem.stderr).toBe(0);
    expect(postmortem.stdout).toContain(`--- ${B}/postmortem.md`);
  });

  it('candor update on the broken incident is refused, naming its problems', () => {
    for (const name of ['2026-11-23-card-payments', 'card-payments', 'card']) {
      const r = candor(['update', name, '--root', repo.root, '--yes', '--status', 'identified', '--body', 'x', '--next-update', '30', '--at', '2026-11-23T12:06:00Z']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`"${name}" names an incident whose files have problems, so "candor update" will not write into it until they are fixed:\n\n${A}:\n  ${A}/2026-11-23T1100Z.md:4 components.apu: unknown component "apu"`);
      expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    }
  });

  it('candor new and the issue form work while another incident is broken', () => {
    const created = candor(['new', '--yes', '--root', repo.root, '--body', 'Logins are slow.', '--title', 'Slow logins', '--impact', 'minor', '--components', 'web', '--next-update', '30', '--at', '2026-11-23T12:10:00Z']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Wrote:\n  incidents/2026-11-23-slow-logins/index.md');
    const form = join(repo.root, 'issue.md');
    writeFileSync(form, '### Incident\n\n2026-11-23-slow-logins\n\n### Status\n\nidentified\n\n### Message to customers\n\nWe found why logins are slow.\n\n### Next update in (minutes)\n\n30\n\n### Was any customer data lost?\n\n_No response_\n');
    const issue = candor(['github', 'issue-update', '--body-file', form, '--at', '2026-11-23T12:15:00Z', '--root', repo.root]);
    expect(issue.code, issue.stderr).toBe(0);
    expect(readFileSync(join(repo.root, 'incidents/2026-11-23-slow-logins/2026-11-23T1215Z.md'), 'utf8')).toContain('We found why logins are slow.');
  });

  it('the deploy plan and the templates need only the config', () => {
    const plan = candor(['github', 'deploy-matrix', '--root', repo.root]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('notify_secrets=');
    const templates = candor(['templates', '--root', repo.root]);
    expect(templates.code, templates.stderr).toBe(0);
    expect(templates.stdout).toContain('investigating-partial-outage');
  });

  it('a broken config still stops the build, and the last good output stays', () => {
    const before = readFileSync(join(out(), 'main', 'index.html'), 'utf8');
    writeFileSync(join(repo.root, 'candor.config.yaml'), `${MINIMAL_CONFIG}mirrors: 3\n`);
    const r = candor(['build', '--root', repo.root, '--out', out(), '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('candor.config.yaml');
    expect(r.stderr).toContain('nothing was built');
    expect(readFileSync(join(out(), 'main', 'index.html'), 'utf8')).toBe(before);
    // Writing needs the config too.
    expect(candor(['update', 'api-errors', '--root', repo.root, '--yes', '--body', 'x', '--status', 'monitoring', '--next-update', '30']).code).toBe(1);
  });
});

describe('candor notify while an incident is broken', () => {
  let http: HttpReceiver;
  beforeAll(async () => (http = await httpReceiver()));
  afterAll(() => http?.close());

  it('sends the healthy incident\'s update, and the broken one\'s once it is fixed', async () => {
    const r = gitRepo(`${MINIMAL_CONFIG}notifications:\n  retries: 0\n  channels:\n    - { id: chat, type: slack, url_secret: CANDOR_NOTIFY_SLACK_URL }\n`);
    const ledger = `${r.root}-ledger`;
    const notify = () => notifyAsync(['--root', r.root, '--ledger', ledger, '--now', NOW], { CANDOR_SECRETS: JSON.stringify({ CANDOR_NOTIFY_SLACK_URL: `${http.url}/slack` }) });
    const texts = () => http.delivered('/slack').map((d) => d.body);
    r.commit({
      [`${A}/index.md`]: incident('Card payments fail', 'web'),
      [`${A}/2026-11-23T1010Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T12:30:00Z' }, 'Some payments fail.'),
      [`${B}/index.md`]: incident('API errors', 'api'),
      [`${B}/2026-11-23T1020Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T12:30:00Z' }, 'Some requests fail.'),
    });
    expect((await notify()).code).toBe(0);
    expect(texts()).toHaveLength(2);
    const position = () => JSON.parse(readFileSync(join(ledger, 'position.json'), 'utf8')).commit as string;
    const before = position();

    // One push: A's update with a typo, B's update fine.
    r.commit({
      [`${A}/2026-11-23T1100Z.md`]: md({ status: 'identified', next_update: '2026-11-23T12:30:00Z', components: { apu: 'major_outage' } }, 'We found the payment fault.'),
      [`${B}/2026-11-23T1105Z.md`]: md({ status: 'identified', next_update: '2026-11-23T12:30:00Z' }, 'We found the API fault.'),
    });
    const held = await notify();
    expect(held.code, held.stderr).toBe(0);
    expect(texts()).toHaveLength(3);
    expect(texts()[2]).toContain('We found the API fault.');
    expect(held.stderr).toContain(`1 new file(s) in broken incidents wait until they are fixed (the ledger stays where it is, so a later run sends them):\n  ${A}/2026-11-23T1100Z.md`);
    expect(position()).toBe(before);

    // The fix: A's update is announced, B's is not sent twice, and the ledger moves on.
    const fixed = r.commit({ [`${A}/2026-11-23T1100Z.md`]: md({ status: 'identified', next_update: '2026-11-23T12:30:00Z', components: { web: 'major_outage' } }, 'We found the payment fault.') });
    const after = await notify();
    expect(after.code, after.stderr).toBe(0);
    expect(texts()).toHaveLength(4);
    expect(texts()[3]).toContain('We found the payment fault.');
    expect(position()).toBe(fixed);
  });
});
