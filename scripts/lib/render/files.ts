// Where a rendered path is written within a mirror's folder, as a static host serves it: a page at `incidents/x/`
// as `incidents/x/index.html` (Astro's `directory` format), an endpoint (`rss.xml`, `api/v2/summary.json`) at its
// own path, and the not-found page as `404.html`, where hosts look for it.
export function fileOf(pathname: string, type: string): string {
  const path = decodeURI(pathname).replace(/^\/+/, '');
  if (type !== 'page') return path;
  if (path === '404' || path === '404/') return '404.html';
  return `${path.replace(/\/?$/, '/')}index.html`.replace(/^\//, '');
}
