// The reader's page as built: a mirror with a region focus leads with its regions' state, and says plainly that
// other regions have incidents; the global mirror and the API keep the whole picture. A maintenance card under
// way gives its window.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { page, text } from '../helpers/html.ts';
import { EXAMPLE_OUT } from '../helpers/paths.ts';
import { md, testdir } from '../helpers/testdir.ts';

// At the example's clock one incident is open: reports and the dashboard, in Europe only.
const EUROPE_INCIDENT = 'Reports and the dashboard are slow or not loading in Europe';

describe('the example mirrors at the example clock, with an incident in Europe only', () => {
  it('reads operational on the Asia-Pacific mirror, names its region and links to the incident elsewhere', () => {
    const home = page(join(EXAMPLE_OUT, 'apac'), '');
    expect(text(home.querySelector('.banner h1'))).toBe('All systems operational');
    expect(home.querySelector('.banner')!.getAttribute('data-indicator')).toBe('none');
    expect(text(home.querySelector('.banner .region'))).toBe('Status in Asia-Pacific');
    const link = home.querySelector('.banner .elsewhere a')!;
    expect(text(link)).toBe('1 incident is open in another region');
    expect(link.getAttribute('href')).toBe('#elsewhere');
    expect(home.querySelector('#active')).toBeNull();
    expect(text(home.querySelector('#elsewhere'))).toBe('Incidents in other regions');
    expect(text(home.querySelector('#elsewhere ~ article.card h3'))).toBe(EUROPE_INCIDENT);
  });

  it('reads operational on the China mirror, in Chinese', () => {
    const home = page(join(EXAMPLE_OUT, 'cn'), '');
    expect(text(home.querySelector('.banner h1'))).toBe('所有系统运行正常');
    expect(text(home.querySelector('.banner .elsewhere a'))).toBe('其他地区有 1 起事件正在处理');
  });

  it('reads the outage on the Europe mirror, in each of its languages', () => {
    const eu = join(EXAMPLE_OUT, 'eu');
    const de = page(eu, '');
    expect(text(de.querySelector('.banner h1'))).toBe('Teilweiser Ausfall');
    expect(text(de.querySelector('.banner .region'))).toBe('Status in der Region Europa');
    expect(de.querySelector('.banner .elsewhere')).toBeNull();
    expect(text(de.querySelector('#active ~ article.card h3'))).not.toBe('');
    expect(text(page(eu, 'fr').querySelector('.banner h1'))).toBe('Panne partielle');
    expect(text(page(eu, 'en').querySelector('.banner h1'))).toBe('Partial outage');
  });

  it('keeps the whole picture on the global mirror and in every mirror’s API', () => {
    const home = page(join(EXAMPLE_OUT, 'global'), '');
    expect(text(home.querySelector('.banner h1'))).toBe('Partial outage');
    expect(home.querySelector('.banner .region')).toBeNull();
    expect(home.querySelector('.banner')!.getAttribute('data-whole')).toBeUndefined();
    for (const mirror of ['global', 'eu', 'apac', 'cn']) {
      const status = JSON.parse(readFileSync(join(EXAMPLE_OUT, mirror, 'api/v2/status.json'), 'utf8'));
      expect(status.status.indicator, mirror).toBe('major');
    }
    // The Asia-Pacific page script compares status.json with the whole site's state, not its own headline.
    expect(page(join(EXAMPLE_OUT, 'apac'), '').querySelector('.banner')!.getAttribute('data-whole')).toBe('major');
  });
});

describe('a maintenance card under way', () => {
  let out: string;
  beforeAll(() => {
    const root = testdir({
      'incidents/2026-11-23-db/index.md': md({ kind: 'maintenance', title: 'Database upgrade', components: ['api'], scheduled: { start: '2026-11-23T11:00:00Z', end: '2026-11-23T13:00:00Z' } }),
      'incidents/2026-11-23-db/2026-11-20T0900Z.md': md({ status: 'scheduled' }, 'The API will be read-only.'),
    });
    out = mkdtempSync(join(tmpdir(), 'candor-out-'));
    const r = candor(['build', '--root', root, '--out', out, '--now', '2026-11-23T12:00:00Z']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('shows its window beside "In progress", not when it was announced', () => {
    const meta = page(join(out, 'main'), '').querySelector('#active-mnt ~ article.card .meta')!;
    expect(text(meta)).toBe('Maintenance · In progress · Nov 23, 2026, 11:00 AM UTC – 1:00 PM UTC');
    expect(meta.querySelectorAll('time').map((t) => t.getAttribute('datetime'))).toEqual(['2026-11-23T11:00:00.000Z', '2026-11-23T13:00:00.000Z']);
  });
});
