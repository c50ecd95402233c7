// What the dev server's watcher skips (site/astro/dev-watch.ts): everything in the app's folder but its code and
// the content it reloads. The live preview test checks the same on a running server, through its inotify watches.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devWatchIgnored } from '../../site/astro/dev-watch.ts';
import { WATCHED } from '../../site/astro/source.ts';

const APP = '/home/ops/status';
const skipped = (ignored: (path: string) => boolean, paths: string[]) => paths.filter((p) => ignored(join(APP, p)));

describe('the dev server watches the app and the content, not the output beside them', () => {
  it('in a fork-style site, where the content is the app’s folder', () => {
    const ignored = devWatchIgnored(APP, APP, WATCHED);
    const kept = ['', 'site', 'site/pages/index.astro', 'astro.config.mjs', 'package.json', 'tsconfig.json', '.env', '.env.local', 'incidents', 'incidents/2026-11-23-api/2026-11-23T0905Z.md', 'announcements/a.md', 'monitoring', 'candor.config.yaml'];
    const dropped = ['dist', 'dist/main/index.html', 'public-site/eu/index.html', 'bench/.out/n5000/dist/eu/index.html', 'test/.out/example', 'docs/dist', 'scripts/candor.ts', 'README.md'];
    expect(skipped(ignored, kept)).toEqual([]);
    expect(skipped(ignored, dropped)).toEqual(dropped);
  });

  it('with the content somewhere inside the app’s folder, the folders on the way to it are walked', () => {
    const ignored = devWatchIgnored(APP, join(APP, 'bench/.out/n1000/site'), WATCHED);
    expect(skipped(ignored, ['bench', 'bench/.out', 'bench/.out/n1000', 'bench/.out/n1000/site', 'bench/.out/n1000/site/incidents/x/index.md', 'bench/.out/n1000/site/candor.config.yaml'])).toEqual([]);
    const dropped = ['bench/.out/n1000/dist', 'bench/.out/n1000/dist/eu/index.html', 'bench/.out/n1000/site/notes.txt', 'bench/.out/n5000', 'incidents'];
    expect(skipped(ignored, dropped)).toEqual(dropped);
  });

  it('leaves alone what is outside the app’s folder: a site that depends on Candor', () => {
    const ignored = devWatchIgnored(join(APP, 'node_modules/candor'), APP, WATCHED);
    expect(['/home/ops/status/incidents/a/index.md', '/home/ops/status/candor.config.yaml', '/home/ops/status-other/x', '/tmp/x'].filter(ignored)).toEqual([]);
    expect(ignored(join(APP, 'node_modules/candor/dist/main/index.html'))).toBe(true);
    expect(ignored(join(APP, 'node_modules/candor/site/pages/index.astro'))).toBe(false);
  });
});
