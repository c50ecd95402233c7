// Questions for the interactive mode. Without a terminal (CI, scripts) nothing is asked: a missing answer is
// an error naming the flag that gives it.
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { CliError } from './cli-error.ts';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export class Asker {
  readonly interactive: boolean;
  constructor(interactive: boolean) {
    this.interactive = interactive;
  }

  /** `given` if the flag was passed; otherwise ask, or fail naming the flag. */
  async text(given: string | undefined, flag: string, message: string, options: { default?: string; optional?: boolean } = {}): Promise<string> {
    if (given !== undefined) return given;
    if (!this.interactive) {
      if (options.default !== undefined || options.optional) return options.default ?? '';
      throw missing(flag, message);
    }
    return input({ message, default: options.default, required: !options.optional });
  }

  async one<T>(given: T | undefined, flag: string, message: string, choices: Choice<T>[], fallback?: T): Promise<T> {
    if (given !== undefined) return given;
    if (!this.interactive) {
      if (fallback !== undefined) return fallback;
      throw missing(flag, message);
    }
    return select({ message, choices, default: fallback });
  }

  async many<T>(given: T[] | undefined, flag: string, message: string, choices: Choice<T>[], options: { optional?: boolean } = {}): Promise<T[]> {
    if (given !== undefined) return given;
    if (!this.interactive) {
      if (options.optional) return [];
      throw missing(flag, message);
    }
    return checkbox({ message, choices, required: !options.optional });
  }

  async ok(message: string): Promise<boolean> {
    return this.interactive ? confirm({ message, default: true }) : true;
  }
}

function missing(flag: string, what: string): CliError {
  return new CliError(`${what}: pass ${flag} (no terminal to ask in)`, 2);
}

/** Interactive when a person is at a terminal and did not ask for --yes. */
export function interactive(yes: boolean | undefined): boolean {
  return !yes && Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI;
}
