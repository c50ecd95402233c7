// The Candor package running this command: its version is what a new site depends on, its repository is where
// the site's workflows call Candor's reusable ones. The same relative path in this repository and once installed.
import { readFileSync } from 'node:fs';

export interface OwnPackage {
  version: string;
  repositoryUrl: string;
}

export function ownPackage(): OwnPackage {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; repository: { url: string } };
  return { version: pkg.version, repositoryUrl: pkg.repository.url };
}
