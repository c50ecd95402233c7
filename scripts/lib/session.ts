// One sitting of a writing command: the draft it answers into, offered back when one is waiting, and the loop
// that writes the files or, when the result would be invalid, shows the problems and asks again only the
// answers they point at.
import { formatErrors, type ContentError } from '../../site/model/errors.ts';
import { Asker } from './ask.ts';
import { CliError } from './cli-error.ts';
import { Draft } from './draft.ts';
import { InvalidContent, writeContent } from './write.ts';

export interface SessionFlags {
  resume?: boolean;
  discard?: boolean;
}

/** Opens the draft for `name` (e.g. "new", "update-2026-11-23-api"): resumed, offered, or started empty. */
export async function openSession(root: string, name: string, command: string, flags: SessionFlags, isInteractive: boolean): Promise<Asker> {
  const draft = new Draft(root, name);
  if (flags.discard) {
    draft.discard();
    return new Asker(isInteractive, isInteractive ? draft : undefined);
  }
  if (flags.resume && !draft.exists) throw new CliError(`there is no draft to resume for "${command}"; run it without --resume`, 2);
  // Flags-only runs (scripts, CI) neither read nor write drafts unless asked to resume one.
  if (!isInteractive) return new Asker(false, flags.resume ? draft : undefined);
  if (draft.exists && !flags.resume) {
    // Short enough for one line of an 80-column terminal.
    const when = draft.savedAt ? ` from ${draft.savedAt.slice(11, 16)} UTC` : '';
    const resume = await new Asker(true).ok(`Resume your draft${when} (${draft.count} answer${draft.count === 1 ? '' : 's'})?`);
    if (!resume) draft.discard();
  }
  return new Asker(true, draft);
}

/** Answers behind a content error: the flag whose answer wrote the field it names. */
function answerFor(e: ContentError, indexFile: string | undefined): string | undefined {
  const root = e.field?.split('.')[0];
  const byField: Record<string, string> = {
    title: '--title',
    impact: '--impact',
    components: e.file === indexFile ? '--components' : '--component',
    regions: '--regions',
    started: '--started',
    scheduled: e.field === 'scheduled.start' ? '--window-start' : '--window-end',
    next_update: '--next-update',
    status: '--status',
    data_loss: '--data-loss',
    scheduled_end: '--scheduled-end',
    provider: '--provider',
  };
  return root ? byField[root] : undefined;
}

/**
 * Writes the files. When they would be invalid and a person is answering, shows every problem, forgets just the
 * answers behind them and returns "retry" so the command asks those again; otherwise the problems stand as the
 * error, and the draft stays for --resume.
 */
export async function writeOrRetry(root: string, files: Record<string, string>, now: Date, ask: Asker, command: string): Promise<{ warnings: string } | 'retry'> {
  try {
    const warnings = await writeContent(root, files, now);
    ask.draft?.discard();
    return { warnings };
  } catch (e) {
    if (!(e instanceof InvalidContent)) throw e;
    const index = Object.keys(files).find((f) => f.endsWith('/index.md'));
    const keys = [...new Set(e.errors.map((x) => answerFor(x, index)).filter((k): k is string => k !== undefined && ask.draft?.answers[k] !== undefined))];
    if (!ask.interactive || !ask.draft || keys.length === 0) {
      throw new CliError(`${e.message}${ask.draft?.exists ? `\n\nYour answers are kept: run "${command} --resume" after fixing this.` : ''}`);
    }
    console.log(`\nNothing was written yet: the result would not be valid.\n\n${formatErrors(e.errors).replace(/\n\n.*$/, '')}\n\nAsking again only: ${keys.join(', ')}\n`);
    ask.draft.forget(keys);
    return 'retry';
  }
}

/** Said when the writer answers "n": nothing is lost. */
export function keptMessage(command: string): string {
  return `Nothing written. Your answers are kept: "${command} --resume" picks up here, "${command} --discard" drops them.`;
}
