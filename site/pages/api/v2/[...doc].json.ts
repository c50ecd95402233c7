// Statuspage's public API documents, at the paths and in the shapes existing clients expect.
import { apiDocuments } from '../../../lib/publish.ts';

export function getStaticPaths() {
  return Object.keys(apiDocuments()).map((path) => ({ params: { doc: path.replace(/\.json$/, '') } }));
}
export const GET = ({ params }: { params: { doc: string } }) => Response.json((apiDocuments() as Record<string, object>)[`${params.doc}.json`]);
