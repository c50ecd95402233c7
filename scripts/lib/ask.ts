// Questions for the interactive mode. Without a terminal (CI, scripts) nothing is asked: a missing answer is
// an error naming the flag that gives it. Every answer is kept in a draft (see draft.ts) keyed by its flag, and
// an answer already in the draft is used instead of asking again.
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { CliError } from './cli-error.ts';
import type { Answer, Draft } from './draft.ts';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export class Asker {
  readonly interactive: boolean;
  readonly draft?: Draft;
  constructor(interactive: boolean, draft?: Draft) {
    this.interactive = interactive;
    this.draft = draft;
  }

  /** `given` if the flag was passed; else the draft's answer; otherwise ask, or fail naming the flag. */
  async text(given: string | undefined, flag: string, message: string, options: { default?: string; optional?: boolean } = {}): Promise<string> {
    if (given !== undefined) return given;
    const kept = this.kept<string>(flag);
    if (kept !== undefined) return kept;
    if (!this.interactive) {
      if (options.default !== undefined || options.optional) return options.default ?? '';
      throw missing(flag, message);
    }
    return this.keep(flag, await input({ message, default: options.default, required: !options.optional }));
  }

  async one<T extends Answer>(given: T | undefined, flag: string, message: string, choices: Choice<T>[], fallback?: T): Promise<T> {
    if (given !== undefined) return given;
    const kept = this.kept<T>(flag);
    if (kept !== undefined && choices.some((c) => c.value === kept)) return kept;
    if (!this.interactive) {
      if (fallback !== undefined) return fallback;
      throw missing(flag, message);
    }
    return this.keep(flag, await select({ message, choices, default: fallback }));
  }

  async many<T extends string>(given: T[] | undefined, flag: string, message: string, choices: Choice<T>[], options: { optional?: boolean } = {}): Promise<T[]> {
    if (given !== undefined) return given;
    const kept = this.kept<T[]>(flag);
    if (kept !== undefined) return kept;
    if (!this.interactive) {
      if (options.optional) return [];
      throw missing(flag, message);
    }
    return this.keep(flag, await checkbox({ message, choices, required: !options.optional }));
  }

  async ok(message: string, fallback = true): Promise<boolean> {
    return this.interactive ? confirm({ message, default: fallback }) : fallback;
  }

  private kept<T>(flag: string): T | undefined {
    return this.draft?.answers[flag] as T | undefined;
  }

  private keep<T extends Answer>(flag: string, value: T): T {
    this.draft?.set(flag, value);
    return value;
  }
}

function missing(flag: string, what: string): CliError {
  return new CliError(`${what}: pass ${flag} (no terminal to ask in)`, 2);
}

/** Interactive when a person is at a terminal and did not ask for --yes. */
export function interactive(yes: boolean | undefined): boolean {
  return !yes && Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI;
}
