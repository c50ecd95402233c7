// The one Markdown pipeline: every body (page, feed, API, PR comment) is rendered and sanitised here.
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// Raw HTML in Markdown is dropped (remark-rehype's default) and the result is sanitised with GitHub's
// schema, so `javascript:` links, event handlers and embedded markup never reach a customer's browser.
const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['https'] },
};

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/**
 * Images become links to the picture: a status page makes no request to another host (and its CSP would block
 * one). An image whose source the sanitiser removed (a `javascript:` one, say) becomes its alt text.
 */
function imagesAsLinks() {
  const visit = (node: HastNode) => {
    node.children = node.children?.map((child) => {
      if (child.type !== 'element' || child.tagName !== 'img') return visit(child), child;
      const alt: HastNode = { type: 'text', value: String(child.properties?.alt || child.properties?.src || '') };
      return child.properties?.src ? { type: 'element', tagName: 'a', properties: { href: child.properties.src }, children: [alt] } : alt;
    });
  };
  return (tree: HastNode) => visit(tree);
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, schema).use(imagesAsLinks).use(rehypeStringify).freeze();

// A build renders each body once per language variant of a page, and rendering is the costliest step per page,
// so results are kept. The bound only protects long-lived processes (the dev server): it must stay well above the
// number of distinct bodies in a large history (about 45,000 at 5,000 incidents with translations), or a build
// that walks the pages language by language clears the cache before it is ever reused.
const CACHE_LIMIT = 250_000;
const cache = new Map<string, string>();
const textCache = new Map<string, string>();

function remember(store: Map<string, string>, markdown: string, value: string): string {
  if (store.size >= CACHE_LIMIT) store.clear();
  store.set(markdown, value);
  return value;
}

/** Safe HTML for a Markdown body. */
export function renderMarkdown(markdown: string): string {
  return cache.get(markdown) ?? renderBody(markdown)[0];
}

/** A body as this module renders it: its safe HTML and its plain text. */
export type RenderedBody = readonly [html: string, text: string];

/**
 * A body's HTML and plain text from one parse: parsing is most of the cost of either (micromark's tokenizer), and
 * the build renders both for every body (model/prose.ts). The syntax tree is read for the text before the HTML
 * transforms run on it; remark-gfm adds syntax only, no transforms, so the parsed tree is already final.
 */
export function renderBody(markdown: string): RenderedBody {
  const html = cache.get(markdown), text = textCache.get(markdown);
  if (html !== undefined && text !== undefined) return [html, text];
  const known = primed?.get(markdown);
  if (known) return [remember(cache, markdown, known[0]), remember(textCache, markdown, known[1])];
  const tree = processor.parse(markdown);
  const plain = text ?? remember(textCache, markdown, plainText(tree as unknown as MdNode));
  return [html ?? remember(cache, markdown, processor.stringify(processor.runSync(tree))), plain];
}

/** Rendered bodies by their Markdown source, as a page asks for them: a table (a Map), or the snapshot's (snapshot.ts). */
export interface ProseLookup {
  get(markdown: string): RenderedBody | undefined;
}

/** Bodies this pipeline already rendered elsewhere (primeMarkdown). */
let primed: ProseLookup | undefined;

/**
 * Takes bodies this pipeline already rendered (elsewhere: the build's main process renders every body of the site
 * once, model/prose.ts), so the pages of every mirror and language find them instead of parsing them again. They
 * are read as the pages ask for them (from the snapshot's bytes, model/snapshot.ts), not copied in at once.
 */
export function primeMarkdown(rendered: ProseLookup): void {
  primed = rendered;
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  ordered?: boolean;
  children?: MdNode[];
}

/** Plain text of a Markdown body, for email text parts and social posts: paragraphs kept, links as "text (url)". */
export function markdownToText(markdown: string): string {
  return textCache.get(markdown) ?? renderBody(markdown)[1];
}

function plainText(tree: MdNode): string {
  const inline = (n: MdNode): string => {
    if (n.type === 'text' || n.type === 'inlineCode') return n.value ?? '';
    if (n.type === 'break') return '\n';
    if (n.type === 'html') return '';
    const inner = (n.children ?? []).map(inline).join('');
    return n.type === 'link' && n.url && inner !== n.url ? `${inner} (${n.url})` : inner;
  };
  const block = (n: MdNode, indent = ''): string[] => {
    switch (n.type) {
      case 'list':
        return (n.children ?? []).flatMap((item, i) => {
          const [first = '', ...rest] = (item.children ?? []).flatMap((c) => block(c, `${indent}  `));
          return [`${indent}${n.ordered ? `${i + 1}.` : '-'} ${first.trimStart()}`, ...rest];
        });
      case 'code':
        return [n.value ?? ''];
      case 'thematicBreak':
      case 'html':
        return [];
      case 'blockquote':
        return (n.children ?? []).flatMap((c) => block(c, indent));
      case 'table':
        return (n.children ?? []).map((row) => (row.children ?? []).map(inline).join(' | '));
      default:
        return n.children && !['paragraph', 'heading', 'blockquote'].includes(n.type) ? n.children.flatMap((c) => block(c, indent)) : [`${indent}${inline(n)}`];
    }
  };
  return (tree.children ?? [])
    .map((n) => block(n).join('\n'))
    .filter((s) => s.trim() !== '')
    .join('\n\n');
}
