// Atom 1.0 of every incident and maintenance, one per language.
import { localeOf } from '../../lib/page-params.ts';
import { atomFeed } from '../../lib/publish.ts';
import { localeRoutes } from '../../lib/routes.ts';

export const getStaticPaths = localeRoutes;
export const GET = ({ params }: { params: { locale?: string } }) => atomFeed(localeOf(params));
