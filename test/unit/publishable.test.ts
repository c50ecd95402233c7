// "Publish what is valid; keep what was": one broken incident folder or announcement does not stop the rest of the
// site, and a broken one is published as its last valid committed version (real throwaway git repositories).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadValidParts, partOf, withPreviousParts } from '../../site/model/load/partial.ts';
import { fallbacksMarkdown, formatFallbacks, loadPublishable } from '../../scripts/lib/publishable.ts';
import { gitRepo } from '../helpers/git-repo.ts';
import { MINIMAL_CONFIG, md, testdir } from '../helpers/testdir.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const A = 'incidents/2026-11-23-card-payments';
const B = 'incidents/2026-11-23-api-errors';
const incident = (title: string, component: string) => md({ title, kind: 'incident', impact: 'major', components: [component], started: '2026-11-23T10:00:00Z' });
const investigating = md({ status: 'investigating', next_update: '2026-11-23T12:30:00Z' }, 'Some payments fail.');
// The typo of issue 27: a component the config does not know.
const typo = md({ status: 'identified', next_update: '2026-11-23T12:30:00Z', components: { apu: 'major_outage' } }, 'We found the cause.');
const HEALTHY = {
  [`${A}/index.md`]: incident('Card payments fail', 'web'),
  [`${A}/2026-11-23T1010Z.md`]: investigating,
  [`${B}/index.md`]: incident('API errors', 'api'),
  [`${B}/2026-11-23T1020Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T12:30:00Z' }, 'Some requests fail.'),
};

/** A repository where A was valid, then a broken update of A was committed on top. */
function brokenOnTop() {
  const repo = gitRepo(MINIMAL_CONFIG);
  const valid = repo.commit(HEALTHY, 'Open both incidents');
  const broken = repo.commit({ [`${A}/2026-11-23T1100Z.md`]: typo }, 'Card payments: identified');
  return { ...repo, valid, broken };
}

describe('loadValidParts', () => {
  it('names each part a problem is in; the config is no part', () => {
    expect(partOf(`${A}/2026-11-23T1100Z.md`)).toBe(A);
    expect(partOf(A)).toBe(A);
    expect(partOf('announcements/2026-01-10-new-domain.md')).toBe('announcements/2026-01-10-new-domain.md');
    expect(partOf('candor.config.yaml')).toBeUndefined();
    expect(partOf('incidents')).toBeUndefined();
  });

  it('loads the healthy incidents and names the broken one with its problems', async () => {
    const root = testdir({ ...HEALTHY, [`${A}/2026-11-23T1100Z.md`]: typo });
    const r = await loadValidParts(root, { now: NOW });
    if (!r.ok) throw new Error('expected the healthy part');
    expect(r.site.incidents.map((i) => i.id)).toEqual(['2026-11-23-api-errors']);
    expect(r.broken).toEqual([{ path: A, errors: [expect.objectContaining({ file: `${A}/2026-11-23T1100Z.md`, field: 'components.apu', message: 'unknown component "apu"' })] }]);
  });

  it('keeps a broken part as an earlier load had it (the live preview), everything else as it is now', async () => {
    const root = testdir(HEALTHY);
    const before = await loadValidParts(root, { now: NOW });
    writeFileSync(join(root, A, '2026-11-23T1100Z.md'), typo);
    writeFileSync(join(root, B, '2026-11-23T1100Z.md'), md({ status: 'identified', next_update: '2026-11-23T12:30:00Z' }, 'Found it.'));
    const after = await loadValidParts(root, { now: NOW });
    if (!before.ok || !after.ok) throw new Error('expected both loads to succeed');
    const shown = withPreviousParts(after.site, before.site, after.broken);
    expect(shown.incidents.map((i) => [i.id, i.updates.length])).toEqual([['2026-11-23-api-errors', 2], ['2026-11-23-card-payments', 1]]);
    expect(withPreviousParts(after.site, undefined, after.broken).incidents).toHaveLength(1);
  });

  it('still stops at a broken config, with every problem', async () => {
    const root = testdir({ ...HEALTHY, [`${A}/2026-11-23T1100Z.md`]: typo }, { config: `${MINIMAL_CONFIG}mirrors: 3\n` });
    const r = await loadValidParts(root, { now: NOW });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.file)).toContain('candor.config.yaml');
  });
});

describe('loadPublishable', () => {
  it('publishes the last valid committed version of a broken incident, and every other as it is', async () => {
    const repo = brokenOnTop();
    const { site, fallbacks } = await loadPublishable(repo.root, NOW);
    expect(site.incidents.map((i) => i.id).sort()).toEqual(['2026-11-23-api-errors', '2026-11-23-card-payments']);
    const a = site.incidents.find((i) => i.id === '2026-11-23-card-payments')!;
    // Still open, as of the valid version: the broken "identified" update is not on the page.
    expect(a.updates.map((u) => u.status)).toEqual(['investigating']);
    expect(a.updates[0]!.file).toBe(`${A}/2026-11-23T1010Z.md`);
    expect(site.root).toBe(repo.root);
    expect(fallbacks).toEqual([
      {
        path: A,
        errors: [expect.objectContaining({ file: `${A}/2026-11-23T1100Z.md`, field: 'components.apu', fix: expect.stringContaining('api') })],
        used: { commit: repo.valid, date: expect.stringMatching(/^\d{4}-/), subject: 'Open both incidents' },
      },
    ]);
    const log = formatFallbacks(fallbacks);
    expect(log).toContain(`${A} has problems, so it was published as of commit ${repo.valid.slice(0, 7)}`);
    expect(log).toContain(`${A}/2026-11-23T1100Z.md:`);
    expect(log).toContain('components.apu: unknown component "apu"');
    expect(fallbacksMarkdown(fallbacks)).toContain(`- \`${A}\`: published its last valid version, from \`${repo.valid.slice(0, 7)}\``);
    // JSON is the machine-readable form.
    expect(JSON.parse(JSON.stringify(fallbacks))[0].used.commit).toBe(repo.valid);
  });

  it('walks back past several broken versions', async () => {
    const repo = brokenOnTop();
    repo.commit({ [`${A}/2026-11-23T1100Z.md`]: typo.replace('apu', 'apii') }, 'Still broken');
    const { site, fallbacks } = await loadPublishable(repo.root, NOW);
    expect(fallbacks[0]!.used?.commit).toBe(repo.valid);
    expect(site.incidents.find((i) => i.id === '2026-11-23-card-payments')!.updates).toHaveLength(1);
  });

  it('uses the committed version when only the working tree is broken', async () => {
    const repo = gitRepo(MINIMAL_CONFIG);
    const valid = repo.commit(HEALTHY);
    writeFileSync(join(repo.root, A, '2026-11-23T1100Z.md'), typo);
    const { fallbacks } = await loadPublishable(repo.root, NOW);
    expect(fallbacks[0]!.used?.commit).toBe(valid);
  });

  it('leaves a part out, saying why, when no committed version is valid', async () => {
    const repo = gitRepo(MINIMAL_CONFIG);
    repo.commit({ ...HEALTHY, [`${A}/2026-11-23T1100Z.md`]: typo });
    repo.commit({ [`${A}/2026-11-23T1100Z.md`]: typo.replace('apu', 'apii') });
    const { site, fallbacks } = await loadPublishable(repo.root, NOW);
    expect(site.incidents.map((i) => i.id)).toEqual(['2026-11-23-api-errors']);
    expect(fallbacks[0]).toMatchObject({ path: A, leftOut: 'none of its 2 committed versions is valid either' });
    expect(fallbacks[0]!.used).toBeUndefined();
    expect(formatFallbacks(fallbacks)).toContain(`${A} has problems, so it was left out of the site: no committed version is valid (none of its 2 committed versions is valid either)`);
  });

  it('leaves a part out of a site that is not a git repository, saying so', async () => {
    const root = testdir({ ...HEALTHY, [`${A}/2026-11-23T1100Z.md`]: typo });
    const { site, fallbacks } = await loadPublishable(root, NOW);
    expect(site.incidents).toHaveLength(1);
    expect(fallbacks[0]!.leftOut).toMatch(/^its history cannot be read \(.*not a git repository/);
  });

  it('validates old versions against today\'s config', async () => {
    const repo = gitRepo(MINIMAL_CONFIG);
    repo.commit(HEALTHY, 'valid when written');
    // The config drops the component A always named: no version of A is valid any more.
    repo.commit({ 'candor.config.yaml': MINIMAL_CONFIG.replace('  - { id: web, name: Website }\n', '') }, 'drop web');
    const { site, fallbacks } = await loadPublishable(repo.root, NOW);
    expect(site.incidents.map((i) => i.id)).toEqual(['2026-11-23-api-errors']);
    expect(fallbacks[0]).toMatchObject({ path: A, leftOut: 'none of its 1 committed version is valid either' });
  });

  it('treats unfilled placeholders like a problem: the last version without them is published', async () => {
    const repo = gitRepo(MINIMAL_CONFIG);
    const valid = repo.commit(HEALTHY);
    repo.commit({ [`${A}/2026-11-23T1100Z.md`]: md({ status: 'identified', next_update: '2026-11-23T12:30:00Z' }, 'The cause is {{cause}}.') });
    const { site, fallbacks } = await loadPublishable(repo.root, NOW);
    expect(fallbacks).toMatchObject([{ path: A, used: { commit: valid }, errors: [{ file: `${A}/2026-11-23T1100Z.md`, message: expect.stringContaining('{{cause}}') }] }]);
    expect(site.incidents.find((i) => i.id === '2026-11-23-card-payments')!.updates).toHaveLength(1);
  });

  it('does the same for an announcement', async () => {
    const repo = gitRepo(MINIMAL_CONFIG);
    const file = 'announcements/2026-11-20-new-domain.md';
    const valid = repo.commit({ ...HEALTHY, [file]: md({ title: 'New domain', published: '2026-11-20T09:00:00Z' }, 'We moved.') });
    repo.commit({ [file]: md({ title: 'New domain', published: 'yesterday' }, 'We moved.') });
    const { site, fallbacks } = await loadPublishable(repo.root, NOW);
    expect(site.announcements.map((a) => a.id)).toEqual(['2026-11-20-new-domain']);
    expect(fallbacks).toMatchObject([{ path: file, used: { commit: valid } }]);
  });

  it('does not publish a version removed from the working tree', async () => {
    const repo = brokenOnTop();
    rmSync(join(repo.root, A), { recursive: true });
    const { site, fallbacks } = await loadPublishable(repo.root, NOW);
    expect(fallbacks).toEqual([]);
    expect(site.incidents.map((i) => i.id)).toEqual(['2026-11-23-api-errors']);
  });

  it('stops at a broken config', async () => {
    const repo = brokenOnTop();
    writeFileSync(join(repo.root, 'candor.config.yaml'), `${MINIMAL_CONFIG}mirrors: 3\n`);
    await expect(loadPublishable(repo.root, NOW)).rejects.toThrow(/candor\.config\.yaml.*\n[\s\S]*nothing was built/);
  });
});

describe('a broken measurement file', () => {
  const config = `${MINIMAL_CONFIG}monitoring:\n  checks:\n    - { id: api-check, component: api, http: { url: 'https://api.internal.test/' } }\n`;
  const day = (date: string, failures: number) => `{ "check": "api-check", "days": [{ "date": "${date}", "runs": 10, "failures": ${failures} }] }`;

  it('is published as its last valid committed version, the rest as it is now', async () => {
    const repo = gitRepo(config);
    repo.commit({ ...HEALTHY, 'monitoring/api-check.json': day('2026-11-22', 1) }, 'First day measured');
    repo.commit({ 'monitoring/api-check.json': day('2026-11-23', 11) }, 'A day with more failures than runs');
    const { site, fallbacks } = await loadPublishable(repo.root, NOW);
    expect(fallbacks.map((f) => [f.path, f.errors.map((e) => e.field), Boolean(f.used)])).toEqual([['monitoring/api-check.json', ['days.0.failures'], true]]);
    expect(site.measurements['api-check']!.days).toEqual([{ date: '2026-11-22', runs: 10, failures: 1 }]);
    expect(site.incidents).toHaveLength(2);
  });

  it('stays as an earlier load had it in the live preview', async () => {
    const root = testdir({ 'monitoring/api-check.json': day('2026-11-22', 1) }, { config });
    const before = await loadValidParts(root, { now: NOW });
    writeFileSync(join(root, 'monitoring/api-check.json'), '{ "check": "api-check", "days": [');
    const after = await loadValidParts(root, { now: NOW });
    if (!before.ok || !after.ok) throw new Error('expected both loads to succeed');
    expect(after.site.measurements).toEqual({});
    expect(withPreviousParts(after.site, before.site, after.broken).measurements['api-check']!.days[0]!.date).toBe('2026-11-22');
  });
});
