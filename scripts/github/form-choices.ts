// The options of the forms' dropdowns and how an answer is read back. Every option ends in its id in brackets
// ("Card payments fail — 2026-11-23 (2026-11-23-card-payments)", "API (api)"), so the answer names the id whatever
// the label says, and a label that changed since the form was generated still reads.

/** An id as the config and incident folders spell them: nothing that could read as an option or a path. */
const ID = /^[a-z0-9][a-z0-9_-]{0,99}$/;

export const option = (label: string, id: string) => `${label.replace(/\s+/g, ' ').trim()} (${id})`;

/** The id of one chosen option, or undefined when the answer is not one of ours. */
export function chosenId(answer: string): string | undefined {
  const id = /\(([^()\s]+)\)$/.exec(answer.trim())?.[1];
  return id && ID.test(id) ? id : undefined;
}

/**
 * The ids of a multiple-choice answer. GitHub writes the chosen options joined by ", "; since each ends in "(id)",
 * the answer splits after each ")" followed by ", " or the end. Undefined when any part is not one of ours.
 */
export function chosenIds(answer: string): string[] | undefined {
  const parts = answer.trim().split(/(?<=\)), /);
  const ids = parts.map(chosenId);
  return ids.every((id): id is string => id !== undefined) ? ids : undefined;
}

export const isId = (s: string) => ID.test(s);
