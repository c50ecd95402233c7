// Every body is rendered once per build (site/model/prose.ts) and handed to the pages with the snapshot: the table
// must hold every body a page can show, rendered by the one pipeline, and keep what an earlier build rendered.
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../site/model/load/index.ts';
import { markdownToText, primeMarkdown, renderMarkdown } from '../../site/model/markdown.ts';
import { renderProse } from '../../site/model/prose.ts';
import { shareProse } from '../../scripts/lib/render/prose-thread.ts';
import { claimNext } from '../../scripts/lib/render/prose-claim.ts';
import type { Announcement, Site } from '../../site/model/site.ts';
import { FIXTURE_NOW, REPO } from '../helpers/paths.ts';

/** The shipped example: updates, translations into its mirrors' languages, postmortems, summaries, announcements. */
async function exampleSite(): Promise<Site> {
  const loaded = await loadSite(REPO, { now: new Date(FIXTURE_NOW) });
  if (!loaded.ok) throw new Error('the example must load');
  // The example posts no announcement; one is added as the loader makes it.
  const announcement = { id: '2026-11-01-new-domain', file: 'announcements/2026-11-01-new-domain.md', title: 'We moved', body: 'Our status page is now at **status.example.com**.', bodyLine: 5, published: new Date('2026-11-01T09:00:00Z'), pinned: false } as Announcement;
  return { ...loaded.value, announcements: [announcement] };
}

/** Every `body` and `summary` text anywhere in the incidents and announcements, found without knowing the model. */
function proseFields(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) proseFields(v, found);
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'body' || key === 'summary') && typeof v === 'string' && v !== '') found.add(v);
      else proseFields(v, found);
    }
  }
  return found;
}

describe('the bodies rendered once per build', () => {
  it('holds every body of the site, as the one pipeline renders it', async () => {
    const site = await exampleSite();
    const table = renderProse(site);
    const bodies = proseFields([site.incidents, site.announcements]);
    // A table missing any kind of body would show here.
    expect(bodies.size).toBeGreaterThan(100);
    expect([...bodies].filter((b) => !table.has(b))).toEqual([]);
    for (const [body, [html, text]] of table) {
      expect(html).toBe(renderMarkdown(body));
      expect(text).toBe(markdownToText(body));
    }
  });

  it("takes an earlier build's rendering of a body as it is, and renders only the others", async () => {
    const site = await exampleSite();
    const first = site.incidents[0]!.updates[0]!.body;
    const table = renderProse(site, new Map([[first, ['<p>kept</p>', 'kept'] as const]]));
    expect(table.get(first)).toEqual(['<p>kept</p>', 'kept']);
    expect([...table.values()].filter(([html]) => html === '<p>kept</p>')).toHaveLength(1);
  });

  it('hands the pipeline what was rendered elsewhere, so it does not parse it again', () => {
    const body = `A body no page of this test rendered (${Math.random()}).`;
    primeMarkdown(new Map([[body, ['<p>rendered by the build</p>', 'rendered by the build'] as const]]));
    expect(renderMarkdown(body)).toBe('<p>rendered by the build</p>');
    expect(markdownToText(body)).toBe('rendered by the build');
  });
});

describe('the bodies rendered on the other core as folders are read (scripts/lib/render/prose-thread.ts)', () => {
  it('gives the table the main thread alone gives, with a thread started from the first body', async () => {
    const site = await exampleSite();
    const first = site.incidents[0]!.updates[0]!.body;
    const known = new Map([[first, ['<p>kept</p>', 'kept'] as const]]);
    // A thread from the first body: the example has a few hundred, fewer than a build would share out.
    const sharing = shareProse(known, { startAt: 1 });
    for (const incident of site.incidents) sharing.offer(incident);
    const shared = await sharing.finish(site);
    const alone = renderProse(site, known);
    expect([...shared.keys()]).toEqual([...alone.keys()]);
    expect(shared.get(first)).toEqual(['<p>kept</p>', 'kept']);
    for (const [body, rendered] of alone) expect(shared.get(body), body).toEqual(rendered);
  });

  it('renders the bodies of folders it was not offered (announcements, folders the cache gave back)', async () => {
    const site = await exampleSite();
    const sharing = shareProse(new Map(), { startAt: 1 });
    // Half the incidents are offered as they would be read; the rest, and the announcement, only come with the site.
    for (const incident of site.incidents.slice(0, site.incidents.length / 2)) sharing.offer(incident);
    const shared = await sharing.finish(site);
    expect(shared.get(site.announcements[0]!.body)).toEqual(renderProse(site).get(site.announcements[0]!.body));
    expect([...shared.keys()].sort()).toEqual([...renderProse(site).keys()].sort());
  });

  it('hands out every place of the list once, and none a thread has not been given', () => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    expect([claimNext(counter, 2), claimNext(counter, 2), claimNext(counter, 2)]).toEqual([0, 1, -1]);
    // Given more, it goes on where it stopped.
    expect([claimNext(counter, 3), claimNext(counter, 3)]).toEqual([2, -1]);
  });
});
