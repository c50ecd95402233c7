// Atom 1.0 of every incident and maintenance, one per language.
import { atomFeed } from '../../lib/publish.ts';
import { localeRoutes } from '../../lib/routes.ts';

export const getStaticPaths = localeRoutes;
export const GET = ({ props }: { props: { locale: string } }) => atomFeed(props.locale);
