// Statuspage's public API documents, at the paths and in the shapes existing clients expect.
import { apiDocuments } from '../../../lib/publish.ts';

export function getStaticPaths() {
  return Object.entries(apiDocuments()).map(([path, body]) => ({ params: { doc: path.replace(/\.json$/, '') }, props: { body } }));
}
export const GET = ({ props }: { props: { body: object } }) => Response.json(props.body);
