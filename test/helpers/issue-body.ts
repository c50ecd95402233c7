// What GitHub writes into an issue's body from an issue form: "### Label\n\nanswer" per field in the form's order,
// "_No response_" for an optional field left empty, the chosen options of a multiple dropdown joined by ", ".
import { parse } from 'yaml';

interface FormField { type: string; id: string; attributes: { label: string; options?: string[]; multiple?: boolean } }

/** The body of an issue made with `formYaml`; answers by field id (strings, or option lists for dropdowns). */
export function issueBody(formYaml: string, answers: Record<string, string | string[]>): string {
  const form = parse(formYaml) as { body: FormField[] };
  return form.body
    .filter((f) => f.type !== 'markdown')
    .map((f) => {
      const a = answers[f.id];
      const chosen = Array.isArray(a) ? a : a === undefined ? [] : [a];
      if (f.type === 'dropdown') for (const c of chosen) if (!f.attributes.options!.includes(c)) throw new Error(`"${c}" is not an option of ${f.id}: ${f.attributes.options!.join(' | ')}`);
      return `### ${f.attributes.label}\n\n${chosen.length ? chosen.join(', ') : '_No response_'}`;
    })
    .join('\n\n');
}

/** The option of a dropdown that ends in "(id)". */
export function optionFor(formYaml: string, field: string, id: string): string {
  const form = parse(formYaml) as { body: FormField[] };
  const found = form.body.find((f) => f.id === field)?.attributes.options?.find((o) => o.endsWith(`(${id})`));
  if (!found) throw new Error(`no option for ${id} in ${field}`);
  return found;
}
