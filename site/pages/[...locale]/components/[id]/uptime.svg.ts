// One component's uptime (declared or measured, as uptime.source says) as an SVG badge.
import { componentOf, localeOf } from '../../../../lib/page-params.ts';
import { uptimeBadge } from '../../../../lib/publish.ts';
import { componentRoutes } from '../../../../lib/routes.ts';

export const getStaticPaths = componentRoutes;
export const GET = ({ params }: { params: { locale?: string; id: string } }) => uptimeBadge(localeOf(params), 'svg', componentOf(params).id);
