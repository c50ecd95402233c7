// `candor preview`: serve a built mirror at its own base path, as its host would.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveDir } from '../lib/serve.ts';
import { parse, rootOf } from '../lib/args.ts';
import { CliError } from '../lib/cli-error.ts';
import { readConfig } from '../../site/model/load/config.ts';
import { formatErrors } from '../../site/model/errors.ts';
import { basePath } from '../../site/lib/urls.ts';

const HELP = `Usage: candor preview [--mirror ID] [--port N] [--host H] [--no-build] [--out DIR] [--root DIR]

Builds one mirror (validating the content first) and serves it at its base path, as its host would.

  --mirror ID   which mirror (default: the first in the config)
  --port N      port (default: 4321)
  --host H      interface to listen on (default: 127.0.0.1)
  --no-build    serve what is already in dist/<mirror>/`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    mirror: { type: 'string' },
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    out: { type: 'string', default: 'dist' },
    'no-build': { type: 'boolean', default: false },
  });
  if (values.help) return console.log(HELP), 0;
  const { config, errors } = await readConfig(rootOf(values.root));
  if (!config) throw new CliError(formatErrors(errors));
  const mirror = config.mirrors.find((m) => m.id === (values.mirror ?? config.mirrors[0]!.id));
  if (!mirror) throw new CliError(`no mirror "${values.mirror}"; known: ${config.mirrors.map((m) => m.id).join(', ')}`, 2);
  if (!values['no-build']) {
    const built = await (await import('./build.ts')).run(['--mirror', mirror.id, '--root', values.root, '--out', values.out, ...(values.now ? ['--now', values.now] : [])]);
    if (built !== 0) return built;
  }
  const dir = resolve(join(values.out, mirror.id));
  if (!existsSync(dir)) throw new CliError(`${dir} does not exist; run "npm run build" first`);
  const { url } = await serveDir(dir, basePath(mirror), Number(values.port), values.host);
  console.log(`serving mirror "${mirror.id}" at ${url} (Ctrl-C to stop)`);
  await new Promise(() => {});
  return 0;
}
