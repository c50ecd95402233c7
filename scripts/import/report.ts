// What an import could not carry over exactly: guesses, defaults and skipped items, said once each.

export interface Note {
  /** The file or incident it concerns. */
  where: string;
  text: string;
  /** True when something was left out because its data was unusable; the command then exits 1. */
  failed: boolean;
}

export class Report {
  readonly notes: Note[] = [];
  /** Counted remarks that would be noise per item ("N updates got …"), by text. */
  readonly tallies = new Map<string, number>();

  /** A value was guessed, defaulted or changed to fit Candor; the import went ahead. */
  note(where: string, text: string): void {
    this.notes.push({ where, text, failed: false });
  }

  /** Something could not be imported at all. */
  fail(where: string, text: string): void {
    this.notes.push({ where, text, failed: true });
  }

  /** A remark said once, with how many times it applied: `tally("updates got next_update …")`. */
  tally(text: string, n = 1): void {
    this.tallies.set(text, (this.tallies.get(text) ?? 0) + n);
  }

  get failed(): boolean {
    return this.notes.some((n) => n.failed);
  }

  format(): string {
    const lines = [
      ...this.notes.map((n) => `- ${n.failed ? 'not imported: ' : ''}${n.where}: ${n.text}`),
      ...[...this.tallies].map(([text, n]) => `- ${text.replace('{n}', String(n))}`),
    ];
    return lines.length ? `Report — check these:\n${lines.join('\n')}` : 'Report: everything mapped exactly.';
  }
}
