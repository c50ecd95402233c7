// The dev server's page while the content has never loaded: the problems as our page (file, line, field, message,
// fix), with everything from the files escaped, never the framework's overlay.
import { describe, expect, it } from 'vitest';
import { problemsPage } from '../../site/lib/problems-page.ts';

describe('the page of problems when nothing has loaded', () => {
  it('names file, line, field, message and fix, escaping what the files said', () => {
    const html = problemsPage([{ file: 'candor.config.yaml', line: 2, field: 'bogus<b>', message: 'unknown field "bogus<b>"', fix: 'remove it & save' }]);
    expect(html).toContain('<li data-file="candor.config.yaml"><p><code>candor.config.yaml:2</code> · Field <code>bogus&#60;b&#62;</code></p><p>unknown field &#34;bogus&#60;b&#62;&#34;</p><p>Fix: remove it &#38; save</p></li>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<meta http-equiv="refresh" content="2">');
  });
});
