// The CLI's entry turns on Node's compile cache for itself and for every thread it starts (bin/compile-cache.js):
// read from Node's own account of it (NODE_DEBUG_NATIVE=COMPILE_CACHE), not assumed.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_CACHE_DIR, trimCompileCache } from '../../bin/compile-cache.js';
import { candorAsync } from '../helpers/cli.ts';
import { REPO } from '../helpers/paths.ts';
import { md, testdir } from '../helpers/testdir.ts';

describe("Node's compile cache", () => {
  it('serves a second build: the CLI and the render threads loading the compiled app take code V8 kept', async () => {
    const root = testdir({
      'incidents/2026-11-20-api-errors/index.md': md({ title: 'API errors', kind: 'incident', impact: 'major', components: ['api'], started: '2026-11-20T09:50:00Z' }),
      'incidents/2026-11-20-api-errors/2026-11-20T1000Z.md': md({ status: 'resolved', data_loss: 'none' }, 'Some customers could not create invoices. It works normally again.'),
    });
    const cache = mkdtempSync(join(tmpdir(), 'candor-compile-cache-'));
    const build = () => candorAsync(['build', '--root', root, '--out', join(root, 'dist'), '--now', '2026-11-20T12:00:00Z'], { env: { NODE_COMPILE_CACHE: cache, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' } });
    const accepted = (output: string, file: RegExp) => output.split('\n').filter((l) => l.startsWith('[compile cache] V8 code cache for ESM') && / was accepted/.test(l) && file.test(l));
    const first = await build();
    expect(first.code, first.stderr.slice(-2000)).toBe(0);
    const second = await build();
    expect(second.code, second.stderr.slice(-2000)).toBe(0);
    const output = second.stdout + second.stderr;
    // The command itself (main thread) and the compiled app's entry, which only the render threads import.
    expect(accepted(output, /scripts\/commands\/build\.ts/)).toHaveLength(1);
    expect(accepted(output, /\/app\/[^/]+\/server\/entry\.mjs/).length).toBeGreaterThanOrEqual(1);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
  });

  it('keeps it beside the other caches unless NODE_COMPILE_CACHE says otherwise', () => {
    expect(COMPILE_CACHE_DIR).toBe(join(REPO, 'node_modules', '.cache', 'candor', 'compile'));
  });

  it('empties the folder once it holds more entries than it should, and only then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-compile-trim-'));
    for (const version of ['v24.0.0-x64-a', 'v24.1.0-x64-b']) {
      mkdirSync(join(dir, version));
      for (let i = 0; i < 3; i++) writeFileSync(join(dir, version, `entry${i}`), 'x');
    }
    trimCompileCache(dir, 6);
    expect(readdirSync(dir)).toHaveLength(2);
    trimCompileCache(dir, 5);
    expect(() => readdirSync(dir)).toThrow(/ENOENT/);
    // A folder not made yet is no error.
    expect(() => trimCompileCache(dir, 5)).not.toThrow();
  });
});
