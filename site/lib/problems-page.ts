// The dev server's page while the content has never loaded (a broken config from the start): there are no pages
// to show the problems above, so they get this one, in the same shape as ContentProblems.astro — file and line,
// field, message, fix — instead of the framework's error overlay. English, like the CLI: there is no config to
// say which language the site speaks.
import type { ContentError } from '../model/errors.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function problemsPage(problems: readonly ContentError[]): string {
  const items = problems.map((p) => {
    const where = escape(p.line ? `${p.file}:${p.line}` : p.file);
    const field = p.field ? ` · Field <code>${escape(p.field)}</code>` : '';
    return `<li data-file="${escape(p.file)}"><p><code>${where}</code>${field}</p><p>${escape(p.message)}</p><p>Fix: ${escape(p.fix)}</p></li>`;
  });
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Content problems</title></head><body><main><section role="alert" data-content-problems><h1>Content problems: nothing has loaded yet</h1><ul>${items.join('')}</ul><p>This page reloads until the content loads.</p></section></main></body></html>`;
}
