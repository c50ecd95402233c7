// The page's status for shields.io's endpoint badge.
import { localeOf } from '../../lib/page-params.ts';
import { badge } from '../../lib/publish.ts';
import { localeRoutes } from '../../lib/routes.ts';

export const getStaticPaths = localeRoutes;
export const GET = ({ params }: { params: { locale?: string } }) => badge(localeOf(params), 'json');
