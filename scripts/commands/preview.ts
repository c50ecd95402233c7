// `candor preview`: the site of one mirror on this machine. Live by default: Astro's dev server with the Candor
// loader watching the content, so a saved update, incident, translation or config change shows on the open page
// at once, and a mistake shows in the terminal and on the page without stopping the server. `--built` builds the
// mirror and serves the output at its base path, exactly as its host would.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dev } from 'astro';
import { serveDir } from '../lib/serve.ts';
import { nowOf, parse, rootOf } from '../lib/args.ts';
import { APP_DIR } from '../lib/app-dir.ts';
import { CliError } from '../lib/cli-error.ts';
import { readConfig } from '../../site/model/load/config.ts';
import { formatErrors } from '../../site/model/errors.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { formatText, lint } from '../../site/model/lint/index.ts';
import { siteMoment } from '../../site/model/example-clock.ts';
import { basePath } from '../../site/lib/urls.ts';
import { astroConfig } from '../../site/astro/config.ts';
import type { MirrorConfig } from '../../site/model/schema/config.ts';

const HELP = `Usage: candor preview [--mirror ID] [--port N] [--host H] [--built | --no-build] [--out DIR] [--root DIR] [--now TIME]

Serves one mirror locally. Live by default: every saved change to incidents/, announcements/ or
candor.config.yaml shows on the open page within a second, and content problems show in the terminal and
on the page while the last good content stays served.

  --mirror ID   which mirror (default: the first in the config)
  --port N      port (default: 4321; 0 picks a free one)
  --host H      interface to listen on (default: 127.0.0.1)
  --built       build the mirror (validating and linting first) and serve the output as its host would
  --no-build    serve what is already in <out>/<mirror>/, as its host would
  --now TIME    show the site as of this moment (default: the clock, at every change)`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    mirror: { type: 'string' },
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    out: { type: 'string', default: 'dist' },
    built: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  });
  if (values.help) return console.log(HELP), 0;
  const root = rootOf(values.root);
  const { config, errors } = await readConfig(root);
  if (!config) throw new CliError(formatErrors(errors));
  const mirror = config.mirrors.find((m) => m.id === (values.mirror ?? config.mirrors[0]!.id));
  if (!mirror) throw new CliError(`no mirror "${values.mirror}"; known: ${config.mirrors.map((m) => m.id).join(', ')}`, 2);
  const port = Number(values.port);
  if (values.built || values['no-build']) {
    if (!values['no-build']) {
      const built = await (await import('./build.ts')).run(['--mirror', mirror.id, '--root', root, '--out', values.out, ...(values.now ? ['--now', values.now] : [])]);
      if (built !== 0) return built;
    }
    const dir = resolve(join(values.out, mirror.id));
    if (!existsSync(dir)) throw new CliError(`${dir} does not exist; run "npm run build" first`);
    const { url } = await serveDir(dir, basePath(mirror), port, values.host);
    console.log(`serving mirror "${mirror.id}" at ${url} (Ctrl-C to stop)`);
  } else {
    await live(root, mirror, values.now, port, values.host);
  }
  await new Promise(() => {});
  return 0;
}

// Astro's dev server keeps its content store in the app's .astro/ folder: live previews of two different sites
// from one checkout at once would share it (two mirrors of one site are fine: same content).
async function live(root: string, mirror: MirrorConfig, now: string | undefined, port: number, host: string): Promise<void> {
  // The lint report once at the start, as a build prints it; content problems are the dev server's to show.
  const clock = nowOf(now);
  const loaded = await loadSite(root, { now: clock });
  if (loaded.ok) {
    const findings = lint(loaded.value, siteMoment(loaded.value.config, clock));
    if (findings.length) console.error(`${formatText(findings)}\n`);
  }
  const config = await astroConfig({ root, mirror: mirror.id, now: now && clock.toISOString() });
  const server = await dev({ ...config, root: APP_DIR, configFile: false, logLevel: 'warn', server: { port, host } });
  const url = `http://${host}:${server.address.port}${basePath(mirror)}`;
  console.log(`serving mirror "${mirror.id}" live at ${url}; saved changes show at once (Ctrl-C to stop)`);
}
