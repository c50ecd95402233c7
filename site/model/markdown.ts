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

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify).freeze();

const cache = new Map<string, string>();

/** Safe HTML for a Markdown body. */
export function renderMarkdown(markdown: string): string {
  let html = cache.get(markdown);
  if (html === undefined) {
    html = String(processor.processSync(markdown));
    if (cache.size > 20_000) cache.clear();
    cache.set(markdown, html);
  }
  return html;
}
