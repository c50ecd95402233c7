// getStaticPaths for endpoints that exist once per language, or once per language and component.
import { mirror, site } from './data.ts';
import { localeParams } from './urls.ts';

export function localeRoutes() {
  return localeParams(mirror).map(({ params }) => ({ params }));
}

export function componentRoutes() {
  return localeParams(mirror).flatMap(({ params }) => site.config.components.map((c) => ({ params: { ...params, id: c.id } })));
}
