// The documentation site: its own Astro project, built by the same Astro the status site uses (one
// node_modules at the repository root), with Starlight. `npm run docs:build` writes the generated
// reference pages first (docs/generate.ts), then builds into docs/dist/.
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  // Set by .github/workflows/docs.yml from GitHub Pages; local builds need neither.
  site: process.env.DOCS_SITE || undefined,
  base: process.env.DOCS_BASE || undefined,
  integrations: [
    starlight({
      title: 'Candor',
      description: 'Status pages as code: incidents written as Markdown in git, built into a static status site.',
      // English is the source; each language the status site speaks gets a folder beside it
      // (src/content/docs/de/…). Until a page is translated, Starlight shows the English one with a note.
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        de: { label: 'Deutsch', lang: 'de' },
        fr: { label: 'Français', lang: 'fr' },
        sv: { label: 'Svenska', lang: 'sv' },
        ro: { label: 'Română', lang: 'ro' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      // No sidebar list: Starlight builds it from the pages present, ordered by each page's
      // `sidebar.order`, so a page added by anyone appears without touching this file.
      lastUpdated: false,
      pagination: true,
    }),
  ],
});
