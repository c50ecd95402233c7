// Moving a fork-style site (a clone of Candor's repository with the owner's content in it) to the package layout:
// one command, every file of the owner's present byte for byte, Candor's own code left behind, the fork untouched,
// and its workflows kept where nothing runs them, for comparison.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { md, testdir } from '../helpers/testdir.ts';

/** Every file under root with its bytes. */
const tree = (root: string) => Object.fromEntries(readdirSync(root, { recursive: true, encoding: 'utf8' }).sort().flatMap((f) => { try { return [[f, readFileSync(join(root, f)).toString('base64')]]; } catch { return []; } }));

const OWNER = {
  'candor.config.yaml': 'name: Fork Co # the owner\'s own comment\nregions: [{ id: eu, name: Europe }]\ncomponents: [{ id: api, name: API }]\nmirrors:\n  - { id: main, url: https://status.fork.example/, locale: en }\n',
  'incidents/2026-11-01-api-down/index.md': md({ title: 'API down', kind: 'incident', impact: 'critical', components: ['api'], started: '2026-11-01T08:00:00Z' }),
  'incidents/2026-11-01-api-down/2026-11-01T0900Z.md': md({ status: 'resolved', data_loss: 'none' }, "Customers couldn't reach the API.\r\nIt works again."),
  'incidents/2026-11-01-api-down/postmortem.md': md({ published: '2026-11-02T10:00:00Z' }, '## What happened\n'),
  'announcements/2026-11-05-new-domain.md': md({ title: 'New domain', published: '2026-11-05T09:00:00Z' }, 'We moved.'),
  'templates/en/our-outage.md': md({ title: 'Our outage' }, 'Our words.'),
  'CNAME': 'status.fork.example\n',
  'notes/runbook.md': '# Ours\n',
};
const CANDORS = {
  'site/pages/index.astro': '---\n---\n',
  'scripts/candor.ts': '',
  'docs/src/content/docs/getting-started.md': '# Candor\n',
  'test/x.test.ts': '',
  'bench/run.ts': '',
  'astro.config.mjs': '',
  'package.json': '{"name":"candor"}',
  'README.md': '# Candor\n',
};
const WORKFLOW = 'name: Deploy\n# the owner changed this line\n';
const OLD_FORM = 'name: Open an incident\n# lists as of the fork\n';

describe('candor init --from <fork>', () => {
  it('copies every file of the owner’s byte for byte, leaves Candor’s code behind and the fork untouched', () => {
    const fork = testdir({ ...OWNER, ...CANDORS, '.github/workflows/deploy.yml': WORKFLOW, '.github/ISSUE_TEMPLATE/open-incident.yml': OLD_FORM }, { config: null });
    const forkBefore = tree(fork);
    const site = join(mkdtempSync(join(tmpdir(), 'candor-migrated-')), 'fork-status');
    const r = candor(['init', site, '--from', fork]);
    expect(r.code, r.stderr).toBe(0);

    const after = tree(site);
    for (const [path, content] of Object.entries(OWNER)) expect(after[path], path).toBe(Buffer.from(content).toString('base64'));
    // The fork's workflow, kept where GitHub does not run it; the site's own workflows call Candor's.
    expect(after['.github/from-fork/workflows/deploy.yml']).toBe(Buffer.from(WORKFLOW).toString('base64'));
    expect(readFileSync(join(site, '.github/workflows/deploy.yml'), 'utf8')).toMatch(/uses: [\w.-]+\/[\w.-]+\/\.github\/workflows\/site-deploy\.yml@v\d+/);
    // The on-call automation comes along as callers too, and the phone forms are made afresh from the fork's config
    // (its components and regions); the fork's own forms wait beside its workflows.
    for (const f of ['status-update', 'issue-forms', 'watchdog', 'refresh', 'postmortem', 'pr-comment', 'monitor']) {
      expect(readFileSync(join(site, `.github/workflows/${f}.yml`), 'utf8'), f).toMatch(new RegExp(`uses: [\\w.-]+/[\\w.-]+/\\.github/workflows/site-${f}\\.yml@v\\d+`));
    }
    const openForm = readFileSync(join(site, '.github/ISSUE_TEMPLATE/open-incident.yml'), 'utf8');
    expect(openForm).toContain('API (api)');
    expect(openForm).toContain('Europe (eu)');
    expect(after['.github/from-fork/ISSUE_TEMPLATE/open-incident.yml']).toBe(Buffer.from(OLD_FORM).toString('base64'));
    // Candor's own files stayed behind; the site has its own package.json, depending on candor.
    for (const path of ['site', 'scripts', 'docs', 'test', 'bench', 'astro.config.mjs', 'README.md']) expect(Object.keys(after).some((f) => f === path || f.startsWith(`${path}/`)), path).toBe(false);
    expect(JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')).dependencies).toHaveProperty('candor');
    expect(r.stdout).toContain('.github/from-fork/');
    expect(r.stdout).toMatch(/left behind as Candor's.*astro\.config\.mjs.*bench.*docs/);
    expect(tree(fork)).toEqual(forkBefore);
  });

  it('refuses a folder that is not a Candor site', () => {
    const r = candor(['init', join(mkdtempSync(join(tmpdir(), 'candor-migrated-')), 'x'), '--from', testdir({}, { config: null })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no candor.config.yaml');
  });
});
