// An update body within the limits renders quickly in every mirror's job; one past them is refused, naming the
// file, by the loader (`candor check`, the build) and by the one writer (CLI, issue form, importers).
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../site/model/load/index.ts';
import { renderMarkdown } from '../../site/model/markdown.ts';
import { MAX_UPDATE_BYTES, MAX_UPDATE_CELLS, MAX_UPDATE_LINES, MAX_UPDATE_MARKUP, renderCostProblem } from '../../site/model/render-budget.ts';
import { contentFile, UnwritableText } from '../../site/model/write/content-file.ts';
import { fillToLimit, PATTERNS, widestTable } from '../helpers/hostile-bodies.ts';
import { md, testdir } from '../helpers/testdir.ts';

const NOW = { now: new Date('2026-11-23T12:00:00Z') };
const DIR = 'incidents/2026-11-23-api';
const UPDATE = `${DIR}/2026-11-23T1005Z.md`;
const siteWith = (body: string) =>
  testdir({
    [`${DIR}/index.md`]: md({ title: 'API errors', kind: 'incident', impact: 'major', components: ['api'], started: '2026-11-23T10:00:00Z' }, 'Customers see errors.'),
    [UPDATE]: md({ status: 'resolved', data_loss: 'none' }, body),
  });
/** CPU time of one render: less disturbed than wall time on a shared machine. */
const cpuMs = (body: string) => {
  const start = process.cpuUsage();
  renderMarkdown(body);
  return process.cpuUsage(start).user / 1000;
};

// The pasted logs of the issue: 64 KB (what a phone's form carries) of patterns that took 3–15 s, or minutes.
const HOSTILE_64K: Record<string, string> = {
  'closing brackets': ']'.repeat(65_536),
  emphasis: '*a'.repeat(32_768),
  'link starts': '[a]('.repeat(16_384),
  'setext headings': 'a\n=\n'.repeat(16_384),
  'nested list items': '- - - - a\n'.repeat(6_553),
  'bracketed log lines': '[2026-11-23 10:05:01] [error] upstream [pool=a] timed out\n'.repeat(1_100),
};

describe('the render budget of an update', () => {
  renderMarkdown('warm up *the* [pipeline](https://a.example)\n\n- x\n\n|a|\n|-|\n|b|');

  for (const [name, unit] of Object.entries(PATTERNS)) {
    it(`accepts ${name} up to the limits, renders it quickly, and refuses one more`, () => {
      const body = fillToLimit(unit);
      expect(renderCostProblem(body)).toBeUndefined();
      expect(renderCostProblem(body + unit) ?? renderCostProblem(`${body}\n${unit}`)).toBeDefined();
      // A sanity bound only (the rule above is what is tested): the slowest takes about 0.2 s of CPU here.
      expect(cpuMs(body)).toBeLessThan(1000);
    });
  }

  it('bounds the cells of a table, which GFM pads to the widest header', () => {
    const table = widestTable();
    expect(renderCostProblem(table)).toBeUndefined();
    expect(cpuMs(table)).toBeLessThan(1000);
    const wide = `${'a|'.repeat(400)}\n${'-|'.repeat(400)}\n${'a\n'.repeat(290)}`;
    expect(renderCostProblem(wide)?.message).toBe(`could hold a table of 401 columns by 293 lines, over the limit of ${MAX_UPDATE_CELLS} cells for an update`);
  });

  it('names each limit in its message', () => {
    expect(renderCostProblem('a'.repeat(MAX_UPDATE_BYTES + 1))?.message).toBe('is 16.0 KB, over the 16 KB limit for an update');
    expect(renderCostProblem('a\n'.repeat(MAX_UPDATE_LINES))).toMatchObject({ line: MAX_UPDATE_LINES + 1, message: `has ${MAX_UPDATE_LINES + 1} lines, over the 300-line limit for an update` });
    expect(renderCostProblem(`ok\n${'[a]'.repeat(MAX_UPDATE_MARKUP)}`)).toMatchObject({ line: 2, message: expect.stringContaining(`more than ${MAX_UPDATE_MARKUP} markup characters`) });
    // A real long update is far inside: links, a list, emphasis, a short table.
    const real = `We are seeing **elevated errors** on the [API](https://status.example/api).\n\n- EU: degraded\n- US: normal\n\n| Region | State |\n|-|-|\n| EU | degraded |\n\nNext update in 30 minutes.`;
    expect(renderCostProblem(real.repeat(10))).toBeUndefined();
  });

  for (const [name, body] of Object.entries(HOSTILE_64K)) {
    it(`refuses a 64 KB body of ${name} when loading (candor check, the build), naming the file and line`, async () => {
      const r = await loadSite(siteWith(body), NOW);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors).toEqual([expect.objectContaining({ file: UPDATE, line: 5, message: expect.stringMatching(/^the text is \d+\.\d KB, over the 16 KB limit for an update$/) })]);
      expect(r.errors[0]!.fix).toContain('link to a log');
    });
  }

  it('refuses dense markup under the size limit when loading, at the line where the count runs over', async () => {
    const log = '[10:05:01] [error] [pool=a] timed out\n'.repeat(200);
    const r = await loadSite(siteWith(log), NOW);
    if (r.ok) throw new Error('expected the load to fail');
    expect(r.errors).toEqual([expect.objectContaining({ file: UPDATE, line: 4 + 167, message: expect.stringContaining('more than 1000 markup characters') })]);
    // An update translation is held to the same limits.
    const tr = await loadSite(testdir({ [`${DIR}/index.md`]: md({ title: 'x', kind: 'incident', impact: 'major', components: ['api'], started: '2026-11-23T10:00:00Z' }), [UPDATE]: md({ status: 'resolved', data_loss: 'none' }, 'Fixed.'), [`${DIR}/2026-11-23T1005Z.fr.md`]: `---\n---\n${log}` }, { config: undefined }), NOW);
    expect(tr.ok ? [] : tr.errors.map((e) => e.file)).toContain(`${DIR}/2026-11-23T1005Z.fr.md`);
  });

  it('is refused by the writer every command, the issue form and the importers go through', () => {
    for (const body of Object.values(HOSTILE_64K)) {
      expect(() => contentFile(UPDATE, { status: 'investigating' }, body)).toThrow(UnwritableText);
    }
    try {
      contentFile(UPDATE, { status: 'investigating' }, ']'.repeat(2000));
    } catch (e) {
      expect((e as UnwritableText).message).toMatch(/^incidents\/2026-11-23-api\/2026-11-23T1005Z\.md: the text \(line 1\) holds more than 1000 markup characters/);
    }
    // Postmortems are reviewed in a pull request and may be long: the update limits are not theirs.
    expect(() => contentFile(`${DIR}/postmortem.md`, { published: '2026-11-24T10:00:00Z' }, 'word [link](https://a.example) '.repeat(800))).not.toThrow();
  });
});
