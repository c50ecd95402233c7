// One component's uptime (declared or measured, as uptime.source says) for shields.io's endpoint badge.
import { componentOf, localeOf } from '../../../../lib/page-params.ts';
import { uptimeBadge } from '../../../../lib/publish.ts';
import { componentRoutes } from '../../../../lib/routes.ts';

export const getStaticPaths = componentRoutes;
export const GET = ({ params }: { params: { locale?: string; id: string } }) => uptimeBadge(localeOf(params), 'json', componentOf(params).id);
