// The JSDoc comments of a schema file, read with the TypeScript compiler: they are the documentation of
// each key (STYLE: "schemas are the documentation"), so the reference pages quote them rather than
// keeping a second description that could drift.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export interface FileDocs {
  /** JSDoc on a top-level `const`, by its name. */
  consts: Map<string, string>;
  /** JSDoc on an object property, by the top-level `const` it sits in, then by property name. */
  props: Map<string, Map<string, string>>;
  /** JSDoc on one member of a union, by the top-level `const`, then by the value of its literal field (`type: z.literal('slack')`). */
  variants: Map<string, Map<string, string>>;
  exported: Set<string>;
}

export function readDocs(file: string): FileDocs {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const docs: FileDocs = { consts: new Map(), props: new Map(), variants: new Map(), exported: new Set() };
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name)) continue;
      const name = decl.name.text;
      if (exported) docs.exported.add(name);
      const own = commentOf(statement, source);
      if (own) docs.consts.set(name, own);
      const props = new Map<string, string>();
      const variants = new Map<string, string>();
      const visit = (node: ts.Node) => {
        if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
          const text = commentOf(node, source);
          if (text && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) props.set(node.name.text, text);
        }
        if (ts.isCallExpression(node) && ts.isArrayLiteralExpression(node.parent)) {
          const text = commentOf(node, source);
          const literal = node.getText(source).match(/\b\w+: z\.literal\('([^']+)'\)/);
          if (text && literal) variants.set(literal[1]!, text);
        }
        ts.forEachChild(node, visit);
      };
      if (decl.initializer) visit(decl.initializer);
      docs.props.set(name, props);
      docs.variants.set(name, variants);
    }
  }
  return docs;
}

/**
 * The text of the `/** … *\/` comment before a node, on one line: the JSDoc the parser attached, else
 * the comment right before it (members of a union, properties after a comma on the same line).
 */
function commentOf(node: ts.Node, source: ts.SourceFile): string {
  const attached = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).at(-1);
  if (attached) return (ts.getTextOfJSDocComment(attached.comment) ?? '').replace(/\s+/g, ' ').trim();
  // A comment on the same line as the comma before the node counts as that comma's trailing comment.
  const pos = node.getFullStart();
  const last = [...(ts.getTrailingCommentRanges(source.text, pos) ?? []), ...(ts.getLeadingCommentRanges(source.text, pos) ?? [])].at(-1);
  const raw = last ? source.text.slice(last.pos, last.end) : '';
  if (!raw.startsWith('/**')) return '';
  return raw
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trim())
    .join(' ')
    .trim();
}
