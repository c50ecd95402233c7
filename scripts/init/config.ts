// The candor.config.yaml a new site starts with: complete for the common case (two mirrors, regions, two
// languages, time zones, a deploy target), every key explained where it stands, so nothing has to be guessed.
// Every key is defined in site/model/schema/config.ts; the init test builds a site from this file as written.

export function starterConfig(name: string): string {
  return `# ${name}'s status page: the one file you edit besides incidents/ and announcements/.
# Every key is documented in Candor's docs (configuration.md); "npx candor check" validates this file.

# Shown in the page title, the feeds and the API.
name: ${JSON.stringify(name)}
# One line under the name; give one text per language, or a plain string for all of them.
description:
  en: Live status of our services
  de: Aktueller Status unserer Dienste
# Where customers get help; linked from every page.
support_url: https://example.com/support
# The language you write incidents in. Other languages show your text as written, with the page around it translated.
locale: en

# Where your services run. Components and incidents name regions by id; a mirror can put its own region first.
regions:
  - id: eu
    name: { en: Europe, de: Europa }
  - id: us
    name: { en: United States, de: Vereinigte Staaten }

# Headings the components are listed under.
groups:
  - id: core
    name: { en: Core services, de: Kerndienste }

# What customers see the status of. An incident names the components it affects by id.
components:
  - id: website
    name: { en: Website, de: Website }
    group: core
  - id: api
    name: { en: API, de: API }
    description: { en: The public REST API, de: Die öffentliche REST-API }
    group: core
    # Omit regions when a component runs everywhere.
    regions: [eu, us]

# How many days of history the uptime bars show.
uptime:
  days: 90

# Mirrors: the same status page built for each audience and deployed to its own host, so one host's outage does
# not take the status page down with it. Each mirror has its own URL (with its base path), languages and time zone.
mirrors:
  # The primary mirror: English at the root, German under /de/, times in New York time.
  - id: global
    name: { en: Global, de: Weltweit }
    url: https://example.github.io/status/
    locale: en
    locales: [en, de]
    time_zone: America/New_York
    # The deploy workflow (.github/workflows/deploy.yml) publishes this mirror to this repository's GitHub Pages.
    # Turn Pages on first: Settings → Pages → Source: GitHub Actions.
    deploy: { target: github-pages }
  # Europe: German at the root, English under /en/, Berlin time, European components first.
  - id: eu
    name: { en: Europe, de: Europa }
    url: https://status.example.eu/
    locale: de
    locales: [de, en]
    time_zone: Europe/Berlin
    regions: [eu]
    # Built, not deployed, until you give it a target of its own (one GitHub Pages site per repository), e.g.
    # deploy: { target: cloudflare-pages, project: example-status-eu }
`;
}
