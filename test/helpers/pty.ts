// Drives the CLI in a real pseudo-terminal (util-linux `script`), typing as a person would.
import { spawn } from 'node:child_process';

export const DOWN = '\u001b[B';
export const ENTER = '\r';
export const CTRL_C = '\u0003';

/** Runs a command in a pty, sending each key once the screen shows the prompt it answers. */
export async function typeInto(command: string, steps: [waitFor: RegExp, keys: string][]): Promise<string> {
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...process.env, CI: '', TERM: 'xterm' }, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((r) => child.on('exit', r));
  let screen = '';
  let all = '';
  child.stdout.on('data', (d) => ((screen += d), (all += d)));
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
  return all;
}
