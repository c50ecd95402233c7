// The subscribable maintenance calendar.
import { calendar } from '../../lib/publish.ts';
import { localeRoutes } from '../../lib/routes.ts';

export const getStaticPaths = localeRoutes;
export const GET = ({ props }: { props: { locale: string } }) => calendar(props.locale);
