// Statuspage bodies are plain text with some HTML (<p>, <strong>, <a>, <br>, entities). Candor drops raw HTML
// from Markdown, so the HTML is turned into a Markdown syntax tree and written out by remark-stringify, which
// escapes whatever would otherwise be read as Markdown — the hard part, done by the same unified family that
// renders every body. The tree is built from node-html-parser's DOM by a short mapping of the few tags status
// updates use; rehype-parse with rehype-remark would do the same for arbitrary HTML, at two more dependencies.
import type { BlockContent, Code, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { HTMLElement, parse, TextNode, type Node } from 'node-html-parser';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

export interface Converted {
  markdown: string;
  /** What could not be carried over, e.g. `<iframe>` or `link "/relative"`. */
  dropped: string[];
}

const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;
const BLOCK_TAG = /<\/?(?:p|div|ul|ol|li|h[1-6]|blockquote|pre|table|tr|hr|section|article|dl)\b/i;
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'figcaption', 'address', 'center', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'dl', 'dt', 'dd', 'details', 'summary', 'li']);
const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'button', 'input', 'select', 'textarea', 'form', 'svg', 'video', 'audio', 'canvas']);
const SAFE_HREF = /^(?:https?:|mailto:)/i;

const writer = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', listItemIndent: 'one' })
  .freeze();

/** Markdown for a body that may be plain text, Markdown-like text or HTML. Text without tags is kept as written. */
export function bodyToMarkdown(body: string): Converted {
  const text = body.replace(/\r\n?/g, '\n').trim();
  if (!TAG.test(text)) return { markdown: text, dropped: [] };
  // Inline tags in newline-separated text: blank lines are paragraphs, as on the page it came from.
  const html = BLOCK_TAG.test(text) ? text : text.split(/\n[ \t]*\n/).map((p) => `<p>${p}</p>`).join('');
  return htmlToMarkdown(html);
}

export function htmlToMarkdown(html: string): Converted {
  const dom = parse(html, { comment: false, blockTextElements: { script: true, style: true } });
  const dropped = new Set<string>();
  const root: Root = { type: 'root', children: flow(dom.childNodes, dropped) };
  const markdown = root.children.length ? String(writer.stringify(root)).trim() : '';
  return { markdown, dropped: [...dropped] };
}

function tagOf(node: HTMLElement): string {
  return (node.rawTagName ?? '').toLowerCase();
}

/** Block-level content: runs of inline nodes become paragraphs between the blocks. */
function flow(nodes: Node[], dropped: Set<string>): RootContent[] {
  const out: RootContent[] = [];
  let pending: PhrasingContent[] = [];
  const flush = () => {
    out.push(...paragraphs(pending));
    pending = [];
  };
  for (const node of nodes) {
    if (node instanceof TextNode) {
      pending.push({ type: 'text', value: collapse(node.text) });
      continue;
    }
    if (!(node instanceof HTMLElement)) continue;
    const tag = tagOf(node);
    if (DROPPED.has(tag)) {
      dropped.add(`<${tag}>`);
    } else if (/^h[1-6]$/.test(tag)) {
      flush();
      const heading: Heading = { type: 'heading', depth: Number(tag[1]) as Heading['depth'], children: tidy(phrasingOf(node.childNodes, dropped)) };
      if (heading.children.length) out.push(heading);
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      const list = listOf(node, tag === 'ol', dropped);
      if (list.children.length) out.push(list);
    } else if (tag === 'blockquote') {
      flush();
      const children = flow(node.childNodes, dropped) as BlockContent[];
      if (children.length) out.push({ type: 'blockquote', children });
    } else if (tag === 'pre') {
      flush();
      out.push(codeOf(node));
    } else if (tag === 'hr') {
      flush();
      out.push({ type: 'thematicBreak' });
    } else if (BLOCKS.has(tag)) {
      flush();
      out.push(...flow(node.childNodes, dropped));
    } else {
      pending.push(...phrasing(node, dropped));
    }
  }
  flush();
  return out;
}

function listOf(node: HTMLElement, ordered: boolean, dropped: Set<string>): List {
  const items: ListItem[] = [];
  for (const child of node.childNodes) {
    // Stray text or tags between <li>s still belong to the list.
    const content = child instanceof HTMLElement && tagOf(child) === 'li' ? child.childNodes : [child];
    const children = flow(content, dropped) as BlockContent[];
    if (children.length) items.push({ type: 'listItem', spread: false, children });
  }
  return { type: 'list', ordered, spread: false, children: items };
}

function codeOf(node: HTMLElement): Code {
  const inner = node.childNodes.find((c): c is HTMLElement => c instanceof HTMLElement && tagOf(c) === 'code');
  const lang = /(?:^|\s)(?:language|lang)-([\w+-]+)/.exec(inner?.getAttribute('class') ?? '')?.[1];
  return { type: 'code', lang: lang ?? null, value: node.text.replace(/^\n/, '').replace(/\s+$/, '') };
}

function phrasingOf(nodes: Node[], dropped: Set<string>): PhrasingContent[] {
  return nodes.flatMap((n) => (n instanceof TextNode ? [{ type: 'text', value: collapse(n.text) } as const] : n instanceof HTMLElement ? phrasing(n, dropped) : []));
}

function phrasing(node: HTMLElement, dropped: Set<string>): PhrasingContent[] {
  const tag = tagOf(node);
  const children = () => phrasingOf(node.childNodes, dropped);
  switch (tag) {
    case 'br':
      return [{ type: 'break' }];
    case 'strong':
    case 'b':
      return [{ type: 'strong', children: children() }];
    case 'em':
    case 'i':
    case 'cite':
      return [{ type: 'emphasis', children: children() }];
    case 's':
    case 'strike':
    case 'del':
      return [{ type: 'delete', children: children() }];
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      return [{ type: 'inlineCode', value: collapse(node.text) }];
    case 'a': {
      const href = node.getAttribute('href')?.trim();
      if (href && SAFE_HREF.test(href)) return [{ type: 'link', url: href, children: children() }];
      if (href && !href.startsWith('#')) dropped.add(`link "${href}"`);
      return children();
    }
    case 'img': {
      const src = node.getAttribute('src')?.trim() ?? '';
      if (/^https:/i.test(src)) return [{ type: 'image', url: src, alt: node.getAttribute('alt') ?? '' }];
      dropped.add(`<img src="${src}">`);
      return [];
    }
    case 'td':
    case 'th':
      return [...children(), { type: 'text', value: ' ' }];
  }
  if (DROPPED.has(tag)) {
    dropped.add(`<${tag}>`);
    return [];
  }
  // Blocks inside inline content, and tags with no Markdown form (<span>, <u>, <font>…), keep their text.
  return BLOCKS.has(tag) || /^h[1-6]$/.test(tag) ? [{ type: 'text', value: ' ' }, ...children(), { type: 'text', value: ' ' }] : children();
}

/** HTML whitespace rules: any run of spaces, tabs and newlines (and no-break spaces) reads as one space. */
function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ');
}

/** Splits inline content into paragraphs at blank lines made of two or more <br>s. */
function paragraphs(nodes: PhrasingContent[]): Paragraph[] {
  const out: Paragraph[] = [];
  let current: PhrasingContent[] = [];
  let breaks = 0;
  const end = () => {
    const children = tidy(current);
    if (children.length) out.push({ type: 'paragraph', children });
    current = [];
  };
  for (const node of nodes) {
    if (node.type === 'break') breaks++;
    else if (node.type === 'text' && node.value.trim() === '' && breaks > 0) continue;
    else {
      if (breaks >= 2) end();
      else if (breaks === 1) current.push({ type: 'break' });
      breaks = 0;
      current.push(node);
    }
  }
  end();
  return out;
}

type Parent = Extract<PhrasingContent, { children: unknown }>;

/**
 * Whitespace as Markdown needs it: no space just inside `**…**` or a link, none at a paragraph's or line's
 * edges, no empty marks, adjacent text joined.
 */
function tidy(nodes: PhrasingContent[], edges = true): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const pushText = (value: string) => {
    const last = out.at(-1);
    if (last?.type === 'text') last.value = (last.value + value).replace(/ {2,}/g, ' ');
    else if (value) out.push({ type: 'text', value });
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      pushText(node.value);
    } else if ('children' in node) {
      const parent = node as Parent;
      const inner = tidy(parent.children as PhrasingContent[], false).map((n) => ({ ...n }));
      const first = inner[0];
      const last = inner.at(-1);
      const before = first?.type === 'text' && first.value.startsWith(' ');
      const after = last?.type === 'text' && last.value.endsWith(' ');
      if (first?.type === 'text') first.value = first.value.trimStart();
      if (last?.type === 'text') last.value = last.value.trimEnd();
      const kept = inner.filter((n) => !(n.type === 'text' && n.value === ''));
      if (before) pushText(' ');
      if (kept.length) out.push({ ...parent, children: kept } as PhrasingContent);
      if (after) pushText(' ');
    } else {
      out.push(node);
    }
  }
  if (!edges) return out;
  // No spaces at the edges of the paragraph or around a hard line break.
  out.forEach((node, i) => {
    if (node.type !== 'text') return;
    if (i === 0 || out[i - 1]!.type === 'break') node.value = node.value.trimStart();
    if (i === out.length - 1 || out[i + 1]!.type === 'break') node.value = node.value.trimEnd();
  });
  const kept = out.filter((n) => !(n.type === 'text' && n.value === ''));
  while (kept[0]?.type === 'break') kept.shift();
  while (kept.at(-1)?.type === 'break') kept.pop();
  return kept;
}
