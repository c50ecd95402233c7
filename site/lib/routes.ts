// getStaticPaths for endpoints that exist once per language, or once per language and component.
import { mirror, site } from './data.ts';
import { localeParams } from './urls.ts';

export function localeRoutes() {
  return localeParams(mirror).map(({ params, locale }) => ({ params, props: { locale } }));
}

export function componentRoutes() {
  return localeParams(mirror).flatMap(({ params, locale }) => site.config.components.map((c) => ({ params: { ...params, id: c.id }, props: { locale, id: c.id } })));
}
