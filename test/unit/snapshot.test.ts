// The site `candor build` hands each mirror's build (model/snapshot.ts) must be the validated site exactly:
// dates as dates, fields that are absent or undefined as they were.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../site/model/load/index.ts';
import { deserializeSnapshot, serializeSnapshot } from '../../site/model/snapshot.ts';
import { renderProse } from '../../site/model/prose.ts';
import { FIXTURE_NOW, FIXTURES } from '../helpers/paths.ts';

describe('site snapshot', () => {
  it('reads back exactly the site that was loaded', async () => {
    const loaded = await loadSite(join(FIXTURES, 'basic'), { now: new Date(FIXTURE_NOW) });
    if (!loaded.ok) throw new Error('the basic fixture must load');
    const prose = renderProse(loaded.value);
    const back = deserializeSnapshot(serializeSnapshot({ site: loaded.value, prose }));
    const copy = back.site;
    expect(copy).toStrictEqual(loaded.value);
    expect(back.prose).toStrictEqual(prose);
    expect(copy.incidents[0]!.started).toBeInstanceOf(Date);
    expect(copy.incidents.find((i) => i.postmortem)!.postmortem!.published).toBeInstanceOf(Date);
  });
});
