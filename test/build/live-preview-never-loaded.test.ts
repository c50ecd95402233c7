// A live preview whose content has never loaded (incidents/ is a link out of the repository, so nothing can be
// read): every request gets our page of problems, not the framework's overlay with a stack trace, and the first
// request after the fix shows the site.
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startPreview, type Preview } from '../helpers/preview.ts';
import { md, testdir } from '../helpers/testdir.ts';

let preview: Preview | undefined;
afterAll(() => preview?.server.kill());

it('serves our page of problems while nothing has loaded, and the site on the first request after the fix', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'candor-outside-'));
  const incident = join(outside, '2026-11-23-api');
  const root = testdir({});
  cpSync(join(testdir({ 'x/index.md': md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], started: '2026-11-23T09:00:00Z' }), 'x/2026-11-23T0905Z.md': md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, 'Some fail.') }), 'x'), incident, { recursive: true });
  symlinkSync(outside, join(root, 'incidents'));
  preview = await startPreview(root, '2026-11-23T09:30:00Z');
  const response = await fetch(preview.base);
  const html = await response.text();
  expect(response.status).toBe(200);
  expect(html).toContain('<li data-file="incidents"><p><code>incidents</code></p><p>is a symbolic link that leads outside the repository</p><p>Fix: keep the incident folders in the repository itself, not behind a link</p></li>');
  expect(html).not.toMatch(/vite-error-overlay|\n\s+at \S+ \(|node_modules/);
  rmSync(join(root, 'incidents'));
  cpSync(outside, join(root, 'incidents'), { recursive: true });
  // Fixed while the watcher may still be starting (it would miss the change): the next request loads again.
  const fixed = await (await fetch(preview.base)).text();
  expect(fixed, preview.output()).toContain('API errors');
  expect(fixed).not.toContain('data-content-problems');
}, 120_000);
