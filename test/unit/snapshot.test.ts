// The site `candor build` hands each mirror's build (model/snapshot.ts) must be the validated site exactly:
// dates as dates, fields that are absent or undefined as they were; its bodies read from its bytes only when asked for.
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
    expect(prose.size).toBeGreaterThan(5);
    for (const [body, rendered] of prose) expect(back.prose.get(body), body).toStrictEqual(rendered);
    expect(back.prose.get('A body that is not in the site.')).toBeUndefined();
    expect(copy.incidents[0]!.started).toBeInstanceOf(Date);
    expect(copy.incidents.find((i) => i.postmortem)!.postmortem!.published).toBeInstanceOf(Date);
  });

  it('reads a body from the bytes it was handed when a page asks for it, not before', async () => {
    const loaded = await loadSite(join(FIXTURES, 'basic'), { now: new Date(FIXTURE_NOW) });
    if (!loaded.ok) throw new Error('the basic fixture must load');
    const prose = renderProse(loaded.value);
    const [body, [html]] = [...prose].find(([, [h]]) => h.includes('<p>'))!;
    // Handed over at an offset, in a buffer shared between threads, as a build hands its threads the snapshot.
    const bytes = serializeSnapshot({ site: loaded.value, prose });
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength + 8), 8);
    shared.set(bytes);
    const back = deserializeSnapshot(shared);
    // Changed after it was read back: the body comes from the bytes as they are now, so none was copied out early.
    const at = Buffer.from(shared).indexOf(Buffer.from(html));
    expect(at).toBeGreaterThan(0);
    shared.set(new TextEncoder().encode('<q>'), at);
    expect(back.prose.get(body)![0]).toBe(`<q>${html.slice(3)}`);
  });

  it('leaves a body the table does not hold to the page, which renders it', async () => {
    const loaded = await loadSite(join(FIXTURES, 'basic'), { now: new Date(FIXTURE_NOW) });
    if (!loaded.ok) throw new Error('the basic fixture must load');
    const prose = renderProse(loaded.value);
    const [missing, ...rest] = [...prose.keys()];
    const back = deserializeSnapshot(serializeSnapshot({ site: loaded.value, prose: new Map(rest.map((b) => [b, prose.get(b)!])) }));
    expect(back.prose.get(missing!)).toBeUndefined();
    expect(back.prose.get(rest[0]!)).toStrictEqual(prose.get(rest[0]!));
  });
});
