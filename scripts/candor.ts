#!/usr/bin/env node
// The `candor` command: a table of sub-commands, each loaded only when used.
import { CliError } from './lib/cli-error.ts';
import { docsUrl } from '../site/model/docs.ts';

const commands: Record<string, { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> }> = {
  init: { summary: 'start a new status site (or move a fork-style one) that depends on Candor by version', load: () => import('./commands/init.ts') },
  new: { summary: 'open an incident or announce maintenance, with its first update', load: () => import('./commands/new.ts') },
  update: { summary: 'post the next update of an incident or maintenance', load: () => import('./commands/update.ts') },
  resolve: { summary: 'post the all-clear (or the end of maintenance)', load: () => import('./commands/resolve.ts') },
  postmortem: { summary: 'write a postmortem draft from the timeline, for review in a pull request', load: () => import('./commands/postmortem.ts') },
  lint: { summary: 'check the content and how it communicates', load: () => import('./commands/lint.ts') },
  templates: { summary: 'list the prepared messages', load: () => import('./commands/templates.ts') },
  import: { summary: 'move in from Statuspage or cState: their incidents, updates and components', load: () => import('./commands/import.ts') },
  notify: { summary: 'send new updates to chat, webhooks, email and social channels, once each', load: () => import('./commands/notify.ts') },
  alert: { summary: 'turn an alert webhook (Alertmanager, Grafana, Datadog) into one draft incident per outage', load: () => import('./commands/alert.ts') },
  monitor: { summary: 'run the declared checks once, keep measured days, draft incidents for what started failing', load: () => import('./commands/monitor.ts') },
  github: { summary: 'tasks the GitHub Actions workflows run (deploy matrix, PR comment, watchdog, postmortem PRs)', load: () => import('./commands/github.ts') },
  build: { summary: 'validate the content and build every mirror (or one) into dist/', load: () => import('./commands/build.ts') },
  check: { summary: 'validate the content and config without building', load: () => import('./commands/check.ts') },
  preview: { summary: 'build a mirror and serve it locally', load: () => import('./commands/preview.ts') },
  upgrade: { summary: 'how to take a later Candor: a dependency bump (and how a fork-style site moves first)', load: () => import('./commands/upgrade.ts') },
};

function help(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: candor <command> [options]\n\nCommands:\n${rows.join('\n')}\n\nRun "candor <command> --help" for a command's options; every command and flag: ${docsUrl('commands')}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`candor: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  return (await command.load()).run(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  // A user's mistake is a message, not a stack trace; anything else is our bug and keeps its trace.
  if (e instanceof CliError) {
    console.error(`candor: ${e.message}`);
    process.exitCode = e.exitCode;
  } else if (e instanceof Error && e.name === 'ExitPromptError') {
    // Ctrl-C at a question: every answer given so far is already in the draft.
    console.error('\ncandor: stopped. Your answers so far are kept; run the same command again to pick up where you left off.');
    process.exitCode = 130;
  } else throw e;
}
