// The subscribable maintenance calendar.
import { localeOf } from '../../lib/page-params.ts';
import { calendar } from '../../lib/publish.ts';
import { localeRoutes } from '../../lib/routes.ts';

export const getStaticPaths = localeRoutes;
export const GET = ({ params }: { params: { locale?: string } }) => calendar(localeOf(params));
