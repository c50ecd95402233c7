// RSS 2.0 of every incident and maintenance, one per language.
import { rssFeed } from '../../lib/publish.ts';
import { localeRoutes } from '../../lib/routes.ts';

export const getStaticPaths = localeRoutes;
export const GET = ({ props }: { props: { locale: string } }) => rssFeed(props.locale);
