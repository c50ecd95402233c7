// A feed of one component's incidents and maintenance.
import { componentOf, localeOf } from '../../../../lib/page-params.ts';
import { atomFeed } from '../../../../lib/publish.ts';
import { componentRoutes } from '../../../../lib/routes.ts';

export const getStaticPaths = componentRoutes;
export const GET = ({ params }: { params: { locale?: string; id: string } }) => atomFeed(localeOf(params), componentOf(params).id);
