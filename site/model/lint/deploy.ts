// mirror-not-deployed: a mirror with no `deploy:` is built but never published, and nothing says so. The deploy
// workflow's matrix lists only mirrors with a target, so once some mirrors deploy, one left without is forgotten,
// not chosen: its region keeps reading whatever was last uploaded by hand, or nothing.
import type { Rule } from './rules.ts';

export const mirrorNotDeployed: Rule = {
  id: 'mirror-not-deployed',
  severity: 'warning',
  summary: 'A mirror without a `deploy:` target on a site whose other mirrors deploy: it is built but never published.',
  fix: 'Give the mirror a target, e.g. deploy: { target: cloudflare-pages, project: <name> } (docs: deploying), or remove the mirror if nobody should read it.',
  check: ({ site }) => {
    const mirrors = site.config.mirrors;
    // The shipped example deploys nothing on purpose (example_clock forbids it); a site that deploys no mirror at
    // all publishes some other way, which is its choice and not a silent gap.
    if (site.config.example_clock || !mirrors.some((m) => m.deploy)) return [];
    const deployed = mirrors.filter((m) => m.deploy).map((m) => m.id);
    return mirrors
      .filter((m) => !m.deploy)
      .map((m) => ({
        file: 'candor.config.yaml',
        message: `mirror "${m.id}" (${m.url}) has no deploy target, so it is never published while ${deployed.map((id) => `"${id}"`).join(', ')} ${deployed.length > 1 ? 'are' : 'is'}`,
        fix: '',
      }));
  },
};
