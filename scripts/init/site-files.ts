// Everything `candor init` writes into a new site: only the owner's things. Candor itself arrives as a dependency
// (package.json) and as versioned reusable workflows; none of its code, docs or tests is copied.
import { starterConfig } from './config.ts';
import { ANNOUNCEMENTS_README, INCIDENTS_README } from './readmes.ts';
import { siteWorkflows } from './workflows.ts';

export interface SiteFilesInput {
  /** The site's display name. */
  name: string;
  /** npm package name of the site (a folder name made safe). */
  packageName: string;
  /** The Candor version running init: the site depends on it. */
  candorVersion: string;
  /** Where Candor's reusable workflows live (owner/name) and the tag sites call them by. */
  workflows: { repo: string; tag: string };
}

export function siteFiles(input: SiteFilesInput): Record<string, string> {
  const pkg = {
    name: input.packageName,
    private: true,
    type: 'module',
    scripts: { build: 'candor build', check: 'candor check', lint: 'candor lint', preview: 'candor preview', test: 'candor lint' },
    dependencies: { candor: `^${input.candorVersion}` },
    engines: { node: '>=24' },
  };
  return {
    'candor.config.yaml': starterConfig(input.name),
    'incidents/README.md': INCIDENTS_README,
    'announcements/README.md': ANNOUNCEMENTS_README,
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    '.nvmrc': '24\n',
    '.gitignore': 'node_modules/\ndist/\n.astro/\n',
    ...siteWorkflows(input.workflows.repo, input.workflows.tag),
  };
}
