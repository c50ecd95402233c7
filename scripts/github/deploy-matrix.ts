// The deploy matrix, derived from the config: one job per deployed mirror, each with its own environment (where
// its secrets live) and concurrency group.
import { basePath } from '../../site/lib/urls.ts';
import type { Config, MirrorConfig } from '../../site/model/schema/config.ts';

export interface DeployJob {
  mirror: string;
  url: string;
  /** Base path (`/` or `/status/`): hosts that serve a folder at the root get the site nested under it. */
  base: string;
  target: NonNullable<MirrorConfig['deploy']>['target'];
  /** GitHub environment holding this mirror's secrets; protection rules can gate it. */
  environment: string;
  project?: string;
  site_id?: string;
  bucket?: string;
  region?: string;
  role_arn?: string;
  distribution_id?: string;
}

export function deployMatrix(config: Config): DeployJob[] {
  return config.mirrors
    .filter((m) => m.deploy)
    .map((m) => ({
      mirror: m.id,
      url: m.url,
      base: basePath(m),
      // deploy-pages requires the github-pages environment; every other mirror gets its own, holding its secrets.
      environment: m.deploy!.target === 'github-pages' ? 'github-pages' : `status-${m.id}`,
      ...m.deploy!,
    }));
}

/** The matrix split by target, so each deploy job gets only the permissions its target needs. */
export function matricesByTarget(config: Config): Record<'pages' | 'cloudflare' | 'netlify' | 's3', DeployJob[]> {
  const all = deployMatrix(config);
  return {
    pages: all.filter((j) => j.target === 'github-pages'),
    cloudflare: all.filter((j) => j.target === 'cloudflare-pages'),
    netlify: all.filter((j) => j.target === 'netlify'),
    s3: all.filter((j) => j.target === 's3'),
  };
}
