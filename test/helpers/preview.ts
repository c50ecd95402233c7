// `candor preview` started as a user runs it, on a free port; resolves with its address once it serves.
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from './paths.ts';

export interface Preview {
  base: string;
  server: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
}

export function startPreview(root: string, now: string): Promise<Preview> {
  // Astro's dev server serves nothing under vitest's variables (VITEST=true), so they go.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  const server = spawn(process.execPath, [CLI, 'preview', '--root', root, '--port', '0', '--now', now], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  server.stderr!.on('data', (d) => (output += d));
  return new Promise((ok, fail) => {
    server.stdout!.on('data', (d) => {
      output += d;
      const url = /live at (http:\/\/\S+?);/.exec(output)?.[1];
      if (url) ok({ base: url, server, output: () => output });
    });
    server.on('exit', (code) => fail(new Error(`preview exited ${code}: ${output}`)));
  });
}
