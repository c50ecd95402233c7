// The getting-started guide's commands, run in their order in a fresh folder with Candor installed from its
// tarball: every shell block of "Your status site in ten minutes", line by line. A command this test does not
// know how to run fails it, so the guide cannot grow a step nobody has run.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installedCandor, linkInstalled, npxCandor } from '../helpers/installed-candor.ts';
import { REPO } from '../helpers/paths.ts';

const GUIDE = join(REPO, 'docs/src/content/docs/getting-started.md');

/** The section's shell commands, continuation lines joined, in order. */
function guideCommands(markdown: string, section: string): string[] {
  const start = markdown.indexOf(`## ${section}\n`);
  if (start < 0) throw new Error(`no "## ${section}" in the guide`);
  const end = markdown.indexOf('\n## ', start + 1);
  const text = markdown.slice(start, end < 0 ? undefined : end);
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]!
      .replace(/\\\n\s*/g, '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
}

/** Words as a shell splits them: quotes group words and are removed. */
const words = (command: string) => [...command.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map((m) => m[0].replace(/"/g, ''));

let prefix: string;
beforeAll(() => {
  prefix = installedCandor().prefix;
}, 600_000);

describe('getting started, as written', () => {
  it('runs init → install → lint → build → new → check in a fresh folder', () => {
    const commands = guideCommands(readFileSync(GUIDE, 'utf8'), 'Your status site in ten minutes');
    expect(commands.slice(0, 3)).toEqual(['npx candor init my-status', 'cd my-status', 'npm install']);
    let cwd = mkdtempSync(join(tmpdir(), 'candor-guide-'));
    for (const command of commands) {
      const [program, ...args] = words(command);
      if (program === 'cd') cwd = join(cwd, args[0]!);
      else if (command === 'npm install') {
        // What the registry would install: the packed tarball (the folder depends on candor by version).
        expect(JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')).dependencies).toHaveProperty('candor');
        linkInstalled(cwd);
      } else if (program === 'npx' && args[0] === 'candor') {
        // Before `npm install` there is no local candor; npx would fetch the package: the installed one here.
        const r = args[1] === 'init' ? npxCandor(prefix, args.slice(1).map((a, i) => (i === 1 ? join(cwd, a) : a))) : npxCandor(cwd, args.slice(1));
        expect(r.code, `${command}\n${r.stdout}\n${r.stderr}`).toBe(0);
      } else throw new Error(`the guide runs "${command}", which this test does not know how to run`);
    }
    expect(readFileSync(join(cwd, 'dist/global/index.html'), 'utf8')).toContain('<title>my-status status');
  });
});
