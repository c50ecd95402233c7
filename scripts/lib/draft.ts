// Every interactive answer is kept on disk the moment it is given, so nothing typed at 3 a.m. is lost to an "n",
// a validation failure or Ctrl-C: the next run offers the draft (or takes it with --resume) and asks only what
// is still missing. A draft goes when its files are written or when it is discarded on purpose (--discard).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Inside the repository, so the draft is found from any shell there; ignored by git through its own .gitignore. */
export const DRAFTS_DIR = '.candor/drafts';

export type Answer = string | string[] | boolean;

export class Draft {
  readonly file: string;
  answers: Record<string, Answer>;
  savedAt?: string;

  constructor(root: string, name: string) {
    this.file = join(root, DRAFTS_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.json`);
    const saved = readDraft(this.file);
    this.answers = saved.answers ?? {};
    this.savedAt = saved.savedAt;
  }

  get exists(): boolean {
    return existsSync(this.file);
  }

  get count(): number {
    return Object.keys(this.answers).length;
  }

  /** Records one answer and writes the draft at once: a crash or Ctrl-C right after loses nothing. */
  set(key: string, value: Answer): void {
    this.answers[key] = value;
    this.savedAt = new Date().toISOString();
    mkdirSync(join(this.file, '..'), { recursive: true });
    const ignore = join(this.file, '..', '..', '.gitignore');
    if (!existsSync(ignore)) writeFileSync(ignore, '# Candor keeps unfinished answers here; they are not content.\n*\n');
    writeFileSync(this.file, `${JSON.stringify({ answers: this.answers, savedAt: this.savedAt }, null, 2)}\n`);
  }

  /** Forgets answers so they are asked again (the ones a validation failure points at). */
  forget(keys: string[]): void {
    for (const k of keys) delete this.answers[k];
    if (this.exists) writeFileSync(this.file, `${JSON.stringify({ answers: this.answers, savedAt: this.savedAt }, null, 2)}\n`);
  }

  discard(): void {
    rmSync(this.file, { force: true });
    this.answers = {};
  }
}

/** A draft cut short (disk full, a crash mid-write) is treated as none rather than stopping the command. */
function readDraft(file: string): { answers?: Record<string, Answer>; savedAt?: string } {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { answers?: Record<string, Answer>; savedAt?: string };
  } catch {
    return {};
  }
}
