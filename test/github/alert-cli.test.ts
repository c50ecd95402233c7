// `candor alert` as the Monitor workflow runs it: the payload from the repository_dispatch event, GitHub faked at
// the HTTP layer; and a user's mistakes answered with a message and an exit code, never a stack trace.
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candor, candorAsync } from '../helpers/cli.ts';
import { FakeGitHub } from '../helpers/fake-github.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const CONFIG = `${MINIMAL_CONFIG}monitoring:\n  alerts:\n    - { match: { service: api }, component: api, regions: [eu] }\n`;
const fake = new FakeGitHub();
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d)).on('end', async () => {
    const answer = await fake.fetch(`http://localhost${req.url}`, { method: req.method, body: body || undefined });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
  });
});
let api = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => server.close());

describe('candor alert', () => {
  it('opens one draft from a repository_dispatch event, and a second delivery of it opens none', async () => {
    const root = testdir({}, { config: CONFIG });
    const payload = JSON.parse(readFileSync(join(FIXTURES, 'alerts', 'alertmanager-0.25-firing.json'), 'utf8'));
    writeFileSync(join(root, 'event.json'), JSON.stringify({ action: 'candor-alert', client_payload: { payload } }));
    const env = { GITHUB_EVENT_PATH: join(root, 'event.json'), GITHUB_API_URL: api, GITHUB_REPOSITORY: 'acme/status', GITHUB_TOKEN: 'token', CANDOR_BOT_TOKEN: '' };
    const first = await candorAsync(['alert', '--root', root, '--now', '2026-12-05T11:40:00Z'], { env });
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^api@eu: opened draft #\d+ \(https:\/\/github\.com\/acme\/status\/pull\/\d+\)\n$/);
    const again = await candorAsync(['alert', '--root', root, '--now', '2026-12-05T11:45:00Z'], { env });
    expect(again.stdout).toMatch(/^api@eu: still failing; updated draft #\d+\n$/);
    expect(fake.pulls).toHaveLength(1);
    expect(fake.pulls[0]!.title).toBe('Investigating: API: problem noticed by our monitoring');
  });

  it('says what is wrong with a payload, with exit 1 and no stack trace', () => {
    const root = testdir({ 'big.json': `{"a":"${'x'.repeat(1_100_000)}"}`, 'bad.json': '{"alerts": [', 'odd.json': '{"hello": 1}', 'grafana.json': readFileSync(join(FIXTURES, 'alerts', 'grafana-firing.json')) }, { config: CONFIG });
    const cases: [string, RegExp][] = [
      ['big.json', /big\.json: 1100008 bytes is more than the 1000000 an alert payload may have/],
      ['bad.json', /bad\.json: not JSON/],
      ['odd.json', /not a payload Candor knows/],
      ['grafana.json', /no route: grafana alert "High memory usage"[\s\S]*none of the 2 alert\(s\) matched a route in monitoring\.alerts/],
    ];
    for (const [file, message] of cases) {
      const r = candor(['alert', '--root', root, '--file', join(root, file), '--dry-run']);
      expect(r.code, file).toBe(1);
      expect(r.stderr, file).toMatch(message);
      expect(r.stderr, file).not.toMatch(/\n\s+at /);
    }
    expect(candor(['alert', '--root', root], { env: { GITHUB_EVENT_PATH: '' } }).stderr).toContain('give the payload with --file FILE');
  });
});
