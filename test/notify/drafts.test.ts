// Drafts are never announced; a draft that becomes published is announced when it does.
import { describe, expect, it } from 'vitest';
import { addedFiles } from '../../scripts/notify/git.ts';
import { eventsFor } from '../../scripts/notify/events.ts';
import { gitRepo } from '../helpers/git-repo.ts';
import { siteOf } from '../helpers/site.ts';
import { md, MINIMAL_CONFIG } from '../helpers/testdir.ts';

const DIR = 'incidents/2026-11-23-api';
const INDEX = md({ kind: 'incident', title: 'API errors', impact: 'minor', components: ['api'], started: '2026-11-23T09:00:00Z' });
const FIRST = md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, 'Some customers see errors.');
const NOW = new Date('2026-11-23T12:00:00Z');

describe('notifications and drafts', () => {
  it('never announces a draft update, and announces it once the draft line goes', async () => {
    const repo = gitRepo(MINIMAL_CONFIG);
    const base = repo.commit({ [`${DIR}/index.md`]: INDEX, [`${DIR}/2026-11-23T0905Z.md`]: FIRST });
    const draft = md({ status: 'identified', draft: true, next_update: '2026-11-23T11:00:00Z' }, 'We found it.');
    const drafted = repo.commit({ [`${DIR}/2026-11-23T0950Z.md`]: draft });
    const site1 = await siteOf({ [`${DIR}/index.md`]: INDEX, [`${DIR}/2026-11-23T0905Z.md`]: FIRST, [`${DIR}/2026-11-23T0950Z.md`]: draft }, NOW);
    expect(eventsFor(site1, addedFiles(repo.root, { since: base, until: drafted }))).toEqual([]);
    const final = draft.replace('draft: true\n', '');
    const published = repo.commit({ [`${DIR}/2026-11-23T0950Z.md`]: final });
    expect(addedFiles(repo.root, { since: drafted, until: published })).toEqual([`${DIR}/2026-11-23T0950Z.md`]);
    const site2 = await siteOf({ [`${DIR}/index.md`]: INDEX, [`${DIR}/2026-11-23T0905Z.md`]: FIRST, [`${DIR}/2026-11-23T0950Z.md`]: final }, NOW);
    expect(eventsFor(site2, addedFiles(repo.root, { since: drafted, until: published })).map((e) => e.update.file)).toEqual([`${DIR}/2026-11-23T0950Z.md`]);
    // An ordinary edit of a published update is not announced again.
    const edited = repo.commit({ [`${DIR}/2026-11-23T0950Z.md`]: `${final}More words.\n` });
    expect(addedFiles(repo.root, { since: published, until: edited })).toEqual([]);
  });

  it('announces every update of an incident whose index.md stops being a draft', () => {
    const repo = gitRepo(MINIMAL_CONFIG);
    const drafted = repo.commit({ [`${DIR}/index.md`]: INDEX.replace('---\n', '---\ndraft: true\n'), [`${DIR}/2026-11-23T0905Z.md`]: FIRST });
    const published = repo.commit({ [`${DIR}/index.md`]: INDEX });
    expect(addedFiles(repo.root, { since: drafted, until: published }).sort()).toEqual([`${DIR}/2026-11-23T0905Z.md`, `${DIR}/index.md`]);
  });
});
