// A feed of one component's incidents and maintenance.
import { componentOf, localeOf } from '../../../../lib/page-params.ts';
import { rssFeed } from '../../../../lib/publish.ts';
import { componentRoutes } from '../../../../lib/routes.ts';

export const getStaticPaths = componentRoutes;
export const GET = ({ params }: { params: { locale?: string; id: string } }) => rssFeed(localeOf(params), componentOf(params).id);
