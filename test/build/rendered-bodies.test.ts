// `candor build` renders every body once and keeps the result between builds (site/model/prose.ts, scripts/lib/
// content-cache.ts): the pages, feeds and API of every mirror take a body from that one table instead of parsing it
// again. Shown through real output: a body whose rendering the table holds is published as the table has it.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openContentCache } from '../../scripts/lib/content-cache.ts';
import { codeDigest } from '../../scripts/lib/reuse.ts';
import { candor } from '../helpers/cli.ts';
import { FIXTURE_NOW, FIXTURES } from '../helpers/paths.ts';

const BODY = 'You cannot sign in to the dashboard right now.';
const INCIDENT = 'incidents/2026-11-10-login-outage';

describe('bodies rendered once per build', () => {
  const root = mkdtempSync(join(tmpdir(), 'candor-bodies-'));
  cpSync(join(FIXTURES, 'basic'), root, { recursive: true });
  const out = join(root, 'dist');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('are kept for the next build, which publishes them from the table on the page, in the feeds and in the API', async () => {
    const first = candor(['build', '--root', root, '--out', out, '--now', FIXTURE_NOW]);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(join(out, 'main', INCIDENT, 'index.html'), 'utf8')).toContain(`<p>${BODY}</p>`);

    const cache = openContentCache(root, codeDigest());
    expect(cache.prose.get(BODY)).toEqual([`<p>${BODY}</p>`, BODY]);
    // What the next build finds for this body: if any page parsed it again, it would show the words above instead.
    await cache.save(new Map([...cache.prose, [BODY, ['<p>Rendered once, by the build.</p>', 'Rendered once, as text.'] as const]]));

    const second = candor(['build', '--root', root, '--out', out, '--now', FIXTURE_NOW, '--full']);
    expect(second.code, second.stderr).toBe(0);
    // --full renders every page, over the previous output too.
    expect(second.stdout).not.toContain('reused');
    const page = readFileSync(join(out, 'main', INCIDENT, 'index.html'), 'utf8');
    expect(page).toContain('<p>Rendered once, by the build.</p>');
    expect(page).not.toContain(BODY);
    expect(readFileSync(join(out, 'main', 'atom.xml'), 'utf8')).toContain('Rendered once, by the build.');
    const api = JSON.parse(readFileSync(join(out, 'main', 'api', 'v2', 'incidents.json'), 'utf8')) as { incidents: { incident_updates: { body: string }[] }[] };
    const bodies = api.incidents.flatMap((i) => i.incident_updates.map((u) => u.body));
    expect(bodies).toContain('Rendered once, as text.');
    expect(bodies).not.toContain(BODY);
  });
});
