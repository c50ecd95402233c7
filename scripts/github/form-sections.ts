// How GitHub writes an issue form's answers into the issue body: "### Label\n\nanswer" sections in the form's
// order, "_No response_" for an unanswered optional field. Read here once, for every form.

export interface FormLayout {
  /** The form's name as people see it in the "New issue" list. */
  name: string;
  /** Field labels in the form's order. */
  labels: readonly string[];
  /** The one free-text field: every other answer is a single line. */
  free: string;
}

export interface ParsedForm {
  values: Record<string, string>;
  /** What could not be read: missing headings, answers that should be one line. */
  problems: string[];
}

export const heading = (label: string) => `### ${label}`;

/**
 * The free field may itself hold "### " lines (even "### Status"), so it is not split on them: the one-line fields
 * before it are read from the top, those after it from the bottom, and the free text is everything between.
 * Nothing is dropped silently: text the layout cannot account for is a problem.
 */
export function readSections(body: string, layout: FormLayout): ParsedForm {
  const { labels, free: FREE } = layout;
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const problems: string[] = [];
  const free = labels.indexOf(FREE);
  const at = new Map<string, number>();
  let from = 0;
  for (const label of labels.slice(0, free + 1)) {
    const i = lines.indexOf(heading(label), from);
    if (i >= 0) (at.set(label, i), (from = i + 1));
  }
  let to = lines.length;
  for (const label of labels.slice(free + 1).reverse()) {
    const i = lines.lastIndexOf(heading(label), to - 1);
    if (i >= from) (at.set(label, i), (to = i));
  }
  for (const label of labels) if (!at.has(label)) problems.push(`the heading "${heading(label)}" is missing: open a new issue from the "${layout.name}" form rather than editing its text`);
  const starts = labels.filter((l) => at.has(l)).map((l) => [l, at.get(l)!] as const);
  const values: Record<string, string> = {};
  starts.forEach(([label, start], k) => {
    const end = k + 1 < starts.length ? starts[k + 1]![1] : lines.length;
    const value = lines.slice(start + 1, end).join('\n').trim();
    if (!value || value === '_No response_') return;
    if (label !== FREE && value.includes('\n')) problems.push(`"${label}" should be one line, but reads:\n${value}\nput longer text in "${FREE}"`);
    else values[label] = value;
  });
  const first = starts[0]?.[1] ?? lines.length;
  const before = lines.slice(0, first).join('\n').trim();
  if (before) problems.push(`text above "${heading(labels[0]!)}" would be lost:\n${before}\nput it in "${FREE}"`);
  return { values, problems };
}

/** The first heading of a body, which tells the forms apart (each form's first field is its own). */
export function firstHeading(body: string): string | undefined {
  return /^### (.+)$/m.exec(body.replace(/\r\n?/g, '\n'))?.[1]?.trim();
}

/** Longest answer quoted back in a reply; backticks become quotes so nothing closes the reply's code block. */
export function shown(value: string, max = 80): string {
  const one = value.replace(/`/g, "'");
  return `"${one.length > max ? `${one.slice(0, max)}…` : one}"`;
}
