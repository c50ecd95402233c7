// Where the documentation lives, so a message can send people to the page that explains what they got
// wrong. The docs are built from docs/ and published by .github/workflows/docs.yml; a test checks that
// every page and anchor named here exists in the built docs.

/** The published documentation; set it to where docs.yml deploys (a placeholder until then). */
export const DOCS_URL = 'https://candor.example/docs/';

/** The docs pages messages point at (file names under docs/src/content/docs/, without `.md`). */
export type DocsPage = 'getting-started' | 'writing-incidents' | 'configuration' | 'lint-rules' | 'languages-and-mirrors' | 'deploying' | 'notifications' | 'commands';

export function docsUrl(page: DocsPage, anchor?: string): string {
  return `${DOCS_URL}${page}/${anchor ? `#${anchor}` : ''}`;
}
