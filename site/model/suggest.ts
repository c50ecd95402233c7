import { closest, distance } from 'fastest-levenshtein';

/** The known name closest to a mistyped one, when it is close enough to be a plausible typo. */
export function suggest(input: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = input.toLowerCase();
  const match = closest(lower, known.map((k) => k.toLowerCase()));
  // Short names ("pt", "eu") are one typo apart at most; longer ones may take a third of their length.
  const limit = input.length <= 3 ? 1 : Math.max(2, Math.floor(input.length / 3));
  if (distance(lower, match) > limit) return undefined;
  return known.find((k) => k.toLowerCase() === match);
}

/** "did you mean" text plus the list of what is allowed. */
export function knownList(input: string, known: readonly string[]): string {
  const near = suggest(input, known);
  const list = known.length ? `use one of: ${known.join(', ')}` : 'none are configured';
  return near ? `did you mean "${near}"? (${list})` : list;
}
