// S3 is not atomic, so a deploy runs in an order that never shows a broken page: assets first (pages that
// reference them may already be live), then pages, then deletion of what is gone, then the CDN invalidation.

export interface S3Target {
  dir: string;
  bucket: string;
  /** The mirror's base path: a mirror at https://example.cn/status/ lives under status/ in the bucket. */
  base: string;
  region: string;
  distributionId?: string;
}

/** Page-like files: replaced after the assets they reference, and cached briefly. */
const PAGES = ['*.html', '*.xml', '*.json', '*.ics', '*.svg', '_headers', 'widget.js', '*/widget.js'];

export function s3Commands({ dir, bucket, base, region, distributionId }: S3Target): string[][] {
  const dest = `s3://${bucket}${base}`;
  const sync = ['aws', 's3', 'sync', dir, dest, '--region', region, '--only-show-errors'];
  const pages = PAGES.flatMap((p) => ['--include', p]);
  const commands = [
    [...sync, '--exclude', '*', '--include', '_astro/*', '--cache-control', 'public, max-age=31536000, immutable'],
    [...sync, ...PAGES.flatMap((p) => ['--exclude', p]), '--exclude', '_astro/*', '--cache-control', 'public, max-age=300'],
    [...sync, '--exclude', '*', ...pages, '--cache-control', 'public, max-age=60, stale-while-revalidate=300'],
    [...sync, '--delete', '--cache-control', 'public, max-age=60'],
  ];
  if (distributionId) commands.push(['aws', 'cloudfront', 'create-invalidation', '--distribution-id', distributionId, '--paths', `${base}*`]);
  return commands;
}
