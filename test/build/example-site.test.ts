// The example history that ships in incidents/, built as a new user builds it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { page, text } from '../helpers/html.ts';
import { EXAMPLE_SITE, REPO } from '../helpers/paths.ts';

describe('example site', () => {
  const home = page(EXAMPLE_SITE, '');

  it('shows its ongoing incident first and never claims all is well', () => {
    expect(text(home.querySelector('.banner h1'))).toBe('Partial outage');
    expect(text(home.querySelector('article.card h3'))).toBe('Reports and the dashboard are slow or not loading in Europe');
  });

  it('builds a page for every incident folder', () => {
    const folders = readdirSync(join(REPO, 'incidents')).filter((f) => /^\d{4}-\d{2}-\d{2}-/.test(f));
    expect(folders.length).toBeGreaterThanOrEqual(15);
    for (const id of folders) expect(text(page(EXAMPLE_SITE, `incidents/${id}`).querySelector('h1')), id).not.toBe('');
  });

  it('names the third party on the status page while owning the problem', () => {
    const p = page(EXAMPLE_SITE, 'incidents/2026-10-06-invoice-emails-delayed');
    expect(text(p.querySelector('main'))).toContain('This involves one of our providers, Postwise. We remain responsible for your service.');
  });

  it('publishes its postmortems', () => {
    expect(page(EXAMPLE_SITE, 'postmortems').querySelectorAll('main ul.list li')).toHaveLength(3);
  });

  it('passes lint with no errors or warnings as of its last update', () => {
    const r = candor(['lint', '--root', REPO, '--now', '2026-11-23T08:30:00Z']);
    expect(r.stdout).toBe('No problems found.\n');
    expect(r.code).toBe(0);
  });
});
