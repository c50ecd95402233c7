// Commands the CLI prints for people to paste: a title may hold `$(…)`, backticks or quotes, and a pasted
// command must never run any of it.

/** One POSIX shell word that means exactly `text`: single quotes, with each ' written as '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
