// Statuspage bodies (plain text with some HTML) become Markdown that renders to the same text.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../site/model/markdown.ts';
import { bodyToMarkdown } from '../../scripts/import/html-to-markdown.ts';

const md = (body: string) => bodyToMarkdown(body).markdown;

describe('bodyToMarkdown', () => {
  it('keeps plain text as written, only trimmed', () => {
    expect(md('  We are investigating reports of errors.\r\n')).toBe('We are investigating reports of errors.');
    expect(md('Line one\nline two\n\nSecond paragraph')).toBe('Line one\nline two\n\nSecond paragraph');
  });

  it('turns paragraphs, bold, emphasis, links, line breaks and entities into Markdown', () => {
    const out = md('<p>We are investigating <strong>elevated error rates</strong> on the API &amp; dashboard.<br>Some requests fail.</p><p>See <a href="https://docs.example.com/retry?a=1&amp;b=2">the <em>retry</em> guide</a>&nbsp;&mdash; it&#39;s short.</p>');
    expect(out).toBe('We are investigating **elevated error rates** on the API & dashboard.\\\nSome requests fail.\n\nSee [the _retry_ guide](https://docs.example.com/retry?a=1\\&b=2) — it\'s short.');
    const html = renderMarkdown(out);
    expect(html).toContain('<strong>elevated error rates</strong>');
    expect(html).toContain('<br>');
    expect(html).toContain('<a href="https://docs.example.com/retry?a=1&#x26;b=2">the <em>retry</em> guide</a>');
  });

  it('reads blank lines between inline-only HTML as paragraphs, and two <br>s as a paragraph break', () => {
    expect(md('First <b>part</b>\n\nSecond part')).toBe('First **part**\n\nSecond part');
    expect(md('One<br><br>Two<br />Three')).toBe('One\n\nTwo\\\nThree');
  });

  it('moves spaces out of marks, so Markdown still sees them', () => {
    expect(md('<p>a<strong> bold </strong>word</p>')).toBe('a **bold** word');
  });

  it('escapes text that would otherwise read as Markdown', () => {
    expect(md('<p>5 * 3 and [not a link](x)</p>')).toBe('5 \\* 3 and \\[not a link]\\(x)');
  });

  it('keeps lists, headings, code and quotes', () => {
    expect(md('<h2>What happened</h2><ul><li>One</li><li>Two</li></ul><ol><li>First</li></ol><pre><code class="language-sh">curl -s https://x | jq</code></pre><blockquote><p>Quoted</p></blockquote>')).toBe(
      '## What happened\n\n- One\n- Two\n\n1. First\n\n```sh\ncurl -s https://x | jq\n```\n\n> Quoted',
    );
  });

  it('drops what cannot be shown and says what it dropped', () => {
    const r = bodyToMarkdown('<p>Fixed.<script>alert(1)</script> <a href="javascript:alert(1)">here</a> <a href="/incidents/x">there</a></p><iframe src="https://x"></iframe>');
    expect(r.markdown).toBe('Fixed. here there');
    expect(r.dropped).toEqual(['<script>', 'link "javascript:alert(1)"', 'link "/incidents/x"', '<iframe>']);
  });
});
