import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../site/model/markdown.ts';

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
