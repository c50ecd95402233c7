// The page's status as an SVG badge.
import { badge } from '../../lib/publish.ts';
import { localeRoutes } from '../../lib/routes.ts';

export const getStaticPaths = localeRoutes;
export const GET = ({ props }: { props: { locale: string } }) => badge(props.locale, 'svg');
