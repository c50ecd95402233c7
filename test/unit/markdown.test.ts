import { describe, expect, it } from 'vitest';
import { markdownToText, renderBody, renderMarkdown } from '../../site/model/markdown.ts';

describe('renderMarkdown', () => {
  it('renders Markdown, including tables and lists', () => {
    const html = renderMarkdown('**Workaround:** use [the US endpoint](https://us.example.com).\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<strong>Workaround:</strong>');
    expect(html).toContain('<a href="https://us.example.com">the US endpoint</a>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<td>1</td>');
  });

  it('removes anything that could run script', () => {
    const html = renderMarkdown(
      [
        '<script>alert(1)</script>',
        '<img src=x onerror="alert(1)">',
        '[a](javascript:alert(1))',
        '[b](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
        '<iframe src="https://evil.example"></iframe>',
        '<svg><script>alert(1)</script></svg>',
        '<style>body{display:none}</style>',
        '![x](javascript:alert(1))',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|data:text|<iframe|<svg|<style/i);
    // Images never load from another host: they become links, or their alt text when the source was unsafe.
    expect(html).not.toContain('<img');
    expect(renderMarkdown('![a chart](javascript:alert(1))')).toBe('<p>a chart</p>');
    expect(renderMarkdown('![a chart](https://example.com/c.png)')).toBe('<p><a href="https://example.com/c.png">a chart</a></p>');
  });
});

describe('renderBody', () => {
  // One parse gives both forms; each must be what the page (HTML) and the email or social post (text) show,
  // whichever of the two a process asked for first.
  const body = (n: number) => `Logins fail for **some** users ${n}.\n\n- retry [the mirror](https://m.example.com)\n- or wait\n\n| region | state |\n|---|---|\n| eu | down |`;
  const html = (n: number) =>
    `<p>Logins fail for <strong>some</strong> users ${n}.</p>\n<ul>\n<li>retry <a href="https://m.example.com">the mirror</a></li>\n<li>or wait</li>\n</ul>\n<table>\n<thead>\n<tr>\n<th>region</th>\n<th>state</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>eu</td>\n<td>down</td>\n</tr>\n</tbody>\n</table>`;
  const text = (n: number) => `Logins fail for some users ${n}.\n\n- retry the mirror (https://m.example.com)\n- or wait\n\nregion | state\neu | down`;

  it('gives the HTML and the plain text of a body from one parse', () => {
    expect(renderBody(body(1))).toEqual([html(1), text(1)]);
  });

  it('agrees with the HTML or the text asked for alone, before or after', () => {
    expect(renderMarkdown(body(2))).toBe(html(2));
    expect(renderBody(body(2))).toEqual([html(2), text(2)]);
    expect(markdownToText(body(3))).toBe(text(3));
    expect(renderBody(body(3))).toEqual([html(3), text(3)]);
    expect(renderMarkdown(body(3))).toBe(html(3));
  });
});
