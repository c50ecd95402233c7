// One component's status as a badge.
import { badge } from '../../../../lib/publish.ts';
import { componentRoutes } from '../../../../lib/routes.ts';

export const getStaticPaths = componentRoutes;
export const GET = ({ props }: { props: { locale: string; id: string } }) => badge(props.locale, 'json', props.id);
