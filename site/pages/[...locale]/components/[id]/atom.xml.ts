// A feed of one component's incidents and maintenance.
import { atomFeed } from '../../../../lib/publish.ts';
import { componentRoutes } from '../../../../lib/routes.ts';

export const getStaticPaths = componentRoutes;
export const GET = ({ props }: { props: { locale: string; id: string } }) => atomFeed(props.locale, props.id);
