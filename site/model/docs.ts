// Where the documentation lives, so a message can send people to the page that explains what they got
// wrong. Messages name the page's Markdown source in the repository: it is there in every clone (and in a
// team's own site started from this one), online or not, and renders on any git host; the same pages are
// built into the docs site by docs/ (npm run docs:dev). A test checks that every page and anchor named here
// exists in the built docs.

/** Where the docs pages' sources live, relative to the repository root. */
export const DOCS_DIR = 'docs/src/content/docs/';

/** The docs pages messages point at (file names under docs/src/content/docs/, without `.md`). */
export type DocsPage = 'getting-started' | 'writing-incidents' | 'configuration' | 'lint-rules' | 'languages-and-mirrors' | 'deploying' | 'notifications' | 'commands' | 'monitoring';

export function docsUrl(page: DocsPage, anchor?: string): string {
  return `${DOCS_DIR}${page}.md${anchor ? `#${anchor}` : ''}`;
}
