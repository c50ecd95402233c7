// A feed of one component's incidents and maintenance.
import { rssFeed } from '../../../../lib/publish.ts';
import { componentRoutes } from '../../../../lib/routes.ts';

export const getStaticPaths = componentRoutes;
export const GET = ({ props }: { props: { locale: string; id: string } }) => rssFeed(props.locale, props.id);
