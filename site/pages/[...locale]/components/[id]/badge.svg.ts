// One component's status as a badge.
import { componentOf, localeOf } from '../../../../lib/page-params.ts';
import { badge } from '../../../../lib/publish.ts';
import { componentRoutes } from '../../../../lib/routes.ts';

export const getStaticPaths = componentRoutes;
export const GET = ({ params }: { params: { locale?: string; id: string } }) => badge(localeOf(params), 'svg', componentOf(params).id);
