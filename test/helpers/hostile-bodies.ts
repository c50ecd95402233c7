// Update bodies built to be as slow to render as the limits allow: each pattern repeated until one more repeat
// would break a limit of render-budget.ts. Used by the render-budget test and by hand to measure.
import { renderCostProblem } from '../../site/model/render-budget.ts';

/** Units whose repetition the parser handles worst, found by profiling markdown.ts. */
export const PATTERNS: Record<string, string> = {
  'closing brackets': ']',
  'closing brackets, lines between': ']a\na\na\n',
  'opening brackets': '[',
  'nested brackets': '[[]]',
  'link starts': '[a](',
  'image starts': '![a](',
  'reference links': '[a][b]',
  emphasis: '*a',
  'mixed emphasis': '*_',
  strikethrough: '~a',
  'code spans': '`a',
  'html starts': '<a',
  'entity starts': '&#',
  'one-line paragraphs': 'a\n\n',
  'list items': '- a\n',
  'nested list items': '- - - - a\n',
  'setext headings': 'a\n=\n',
  'block quotes': '> a\n\n',
  'table cells': '|a',
  'bare links': 'www.a.b ',
  'e-mail links': 'a@b.c ',
  'prose': 'The API returns errors for some customers while we fail over. ',
  'fenced log': '```\n[x]',
};

/** `unit` repeated as often as the limits allow (the fenced log is closed at the end). */
export function fillToLimit(unit: string): string {
  const close = unit.startsWith('```') ? '\n```' : '';
  const head = unit.startsWith('```') ? '```\n' : '';
  const body = head ? unit.slice(head.length) : unit;
  let n = 1;
  const make = (k: number) => `${head}${body.repeat(k)}${close}`;
  // Doubling, then bisecting: the limits are monotone in the number of repeats.
  while (!renderCostProblem(make(n * 2))) n *= 2;
  let lo = n;
  let hi = n * 2;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (renderCostProblem(make(mid))) hi = mid;
    else lo = mid;
  }
  return make(lo);
}

/** A table header as wide as the limits allow, over as many plain lines (each a row, padded to every column). */
export function widestTable(): string {
  let best = '';
  for (let cols = 2; cols < 2000; cols *= 2) {
    let rows = 1;
    const make = (k: number) => `${'a|'.repeat(cols)}\n${'-|'.repeat(cols)}\n${'a\n'.repeat(k)}`.trimEnd();
    if (renderCostProblem(make(1))) break;
    while (!renderCostProblem(make(rows + 1))) rows++;
    const body = make(rows);
    if (cols * rows > (best.split('\n').length - 2) * (best.split('\n')[0]?.split('|').length ?? 0)) best = body;
  }
  return best;
}
