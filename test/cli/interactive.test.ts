// The interactive mode in a real pseudo-terminal (util-linux `script`), typed into as a person would.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/paths.ts';
import { testdir } from '../helpers/testdir.ts';

const DOWN = '\u001b[B';
const ENTER = '\r';

/** Runs a command in a pty, sending each key once the screen shows the prompt it answers. */
async function typeInto(command: string, steps: [waitFor: RegExp, keys: string][]): Promise<string> {
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...process.env, CI: '', TERM: 'xterm' }, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((r) => child.on('exit', r));
  let screen = '';
  child.stdout.on('data', (d) => (screen += d));
  for (const [waitFor, keys] of steps) {
    const start = Date.now();
    while (!waitFor.test(screen)) {
      if (Date.now() - start > 15_000) throw new Error(`timed out waiting for ${waitFor}; screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    screen = screen.slice(screen.search(waitFor));
    for (const k of keys.match(/\u001b\[[A-D]|[\s\S]/g) ?? []) {
      child.stdin.write(k);
      await new Promise((r) => setTimeout(r, 30));
    }
  }
  await exited;
  return screen;
}

describe('candor new in a terminal', () => {
  it('asks for what is missing and writes what was answered', async () => {
    const root = testdir({ 'incidents/.gitkeep': '' });
    const cmd = `${process.execPath} ${CLI} new --root ${root} --at 2026-11-23T09:10:00Z`;
    const out = await typeInto(cmd, [
      [/What is it\?/, ENTER],
      [/Which message\?/, DOWN + DOWN + DOWN + ENTER],
      [/Title/, `Invoices fail to send${ENTER}`],
      [/Impact/, ENTER],
      [/Affected components/, DOWN + ' ' + ENTER],
      [/Affected regions/, ' ' + ENTER],
      [/hear from you next/, ENTER],
      [/verb phrase/, `send invoices${ENTER}`],
      [/What that means/, `Invoices stay unsent.${ENTER}`],
      [/workaround/i, ENTER],
      [/Write these files\?/, ENTER],
      [/Next: git add/, ''],
    ]);
    expect(out).toContain('Next: git add incidents/2026-11-23-invoices-fail-to-send/index.md');
    const update = readFileSync(join(root, 'incidents/2026-11-23-invoices-fail-to-send/2026-11-23T0910Z.md'), 'utf8');
    expect(update).toBe("---\nstatus: investigating\nnext_update: 2026-11-23T09:40:00Z\ncomponents:\n  web: partial_outage\n---\nSome customers can't send invoices in Europe. Invoices stay unsent.\n\nWe're looking into it now and will post again by {time:2026-11-23T09:40:00Z}.\n");
    expect(readFileSync(join(root, 'incidents/2026-11-23-invoices-fail-to-send/index.md'), 'utf8')).toContain('impact: major\ncomponents:\n  - web\nregions:\n  - eu\n');
  });
});
