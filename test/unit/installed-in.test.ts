// The code digest of an installed Candor takes in the lockfile of the site that installed it (scripts/lib/reuse.ts):
// that is how it finds the site.
import { expect, it } from 'vitest';
import { installedIn } from '../../scripts/lib/reuse.ts';

it('finds the project a package folder was installed into, the outermost one for a nested install', () => {
  expect(installedIn('/home/runner/work/status/status/node_modules/candor')).toBe('/home/runner/work/status/status');
  expect(installedIn('/srv/site/node_modules/dashboard/node_modules/candor')).toBe('/srv/site');
  // Candor's own checkout is not installed anywhere.
  expect(installedIn('/work/candor')).toBeUndefined();
  expect(installedIn('/work/node_modules_backup/candor')).toBeUndefined();
});
