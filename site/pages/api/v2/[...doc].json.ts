// Statuspage's public API documents, at the paths and in the shapes existing clients expect.
import { apiDocuments } from '../../../lib/publish.ts';
import { DOCUMENT_PATHS } from '../../../model/statuspage/schemas.ts';

// Listed from the paths alone: making the documents reads the whole history, and a render thread lists every
// page of a mirror for each share it renders, most of which hold no API document.
export function getStaticPaths() {
  return DOCUMENT_PATHS.map((path) => ({ params: { doc: path.replace(/\.json$/, '') } }));
}
export const GET = ({ params }: { params: { doc: string } }) => Response.json((apiDocuments() as Record<string, object>)[`${params.doc}.json`]);
