// The README files a new site's content folders start with: how to add the first file, without opening the docs.
// Both are skipped by the loader (site/model/load).

export const INCIDENTS_README = `# incidents/

One folder per incident or maintenance, one Markdown file per update. Start one with

    npx candor new

which asks what happened and writes the folder for you; post updates with \`npx candor update\` and the all-clear
with \`npx candor resolve\`. \`npx candor lint\` checks how each update communicates. The file format is in
Candor's docs (writing-incidents.md).
`;

export const ANNOUNCEMENTS_README = `# announcements/

Notices that are neither an incident nor maintenance — "we moved to a new domain", "support hours over the
holidays" — one Markdown file each, named \`<day it was posted>-<slug>.md\`:

\`\`\`markdown
---
title: We moved to status.example.com
published: 2026-02-01T09:00:00Z
pinned: true                     # optional: keep it at the top of the home page
until: 2026-06-01T00:00:00Z      # optional: stop showing it on the home page then
---
Our status page now lives at **status.example.com**.
\`\`\`
`;
