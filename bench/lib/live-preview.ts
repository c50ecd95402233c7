// Edit to visible in the live preview: `candor preview` on the generated site, one update saved on the open
// incident, and the time until its served page shows it — what an engineer waits for while writing.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { iso, markdownFile, MINUTE, stem } from '../generate/files.ts';
import { CLI, REPO } from './build.ts';

export interface LivePreviewRun {
  /** From starting the command to the first page served. */
  startSeconds: number;
  /** From saving the update to the incident's page showing it (median of the tries). */
  editToVisibleSeconds: number;
  tries: number[];
  /** The update files it wrote, for the caller to remove. */
  files: string[];
}

export async function measureLivePreview(root: string, incident: string, now: Date, tries = 3): Promise<LivePreviewRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'preview', '--root', root, '--port', '0', '--now', now.toISOString()], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    const base = await new Promise<string>((ok, fail) => {
      child.stdout.on('data', () => {
        const url = /live at (http:\/\/\S+?);/.exec(output)?.[1];
        if (url) ok(url);
      });
      child.on('exit', (code) => fail(new Error(`candor preview exited ${code}:\n${output}`)));
    });
    const page = new URL(`incidents/${incident}/`, base);
    await fetch(page).then((r) => r.text());
    const startSeconds = (performance.now() - started) / 1000;
    const times: number[] = [];
    const files: string[] = [];
    for (let k = 0; k < tries; k++) {
      // Updates a minute apart, all before `now`, so each is valid content the page must show.
      const at = new Date(now.getTime() - (10 - k) * MINUTE);
      const marker = `Benchmark edit ${k} ${Date.now()}`;
      const saved = performance.now();
      const file = join(root, 'incidents', incident, `${stem(at)}.md`);
      files.push(file);
      writeFileSync(file, markdownFile({ status: 'identified', next_update: iso(new Date(now.getTime() + 30 * MINUTE)) }, marker));
      for (;;) {
        if ((await fetch(page).then((r) => r.text())).includes(marker)) break;
        if (performance.now() - saved > 60_000) throw new Error(`the edit never showed:\n${output}`);
        await sleep(20);
      }
      times.push((performance.now() - saved) / 1000);
    }
    return { startSeconds, editToVisibleSeconds: times.toSorted((a, b) => a - b)[Math.floor(times.length / 2)]!, tries: times, files };
  } finally {
    child.kill();
  }
}
