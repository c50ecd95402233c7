// `candor build`: validate, then build each mirror into dist/<mirror>/, replacing a mirror's output only on success.
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { hostHeaders } from '../../site/model/publish/headers.ts';
import { join, resolve } from 'node:path';
import { formatError } from '../../site/model/errors.ts';
import { formatText, lint } from '../../site/model/lint/index.ts';
import { nowOf, parse, rootOf } from '../lib/args.ts';
import { APP_DIR, astroBuild } from '../lib/astro.ts';
import { CliError } from '../lib/cli-error.ts';
import { loadOrFail } from '../lib/load.ts';
import { buildAtomically } from '../lib/staging.ts';
import { knownList } from '../../site/model/suggest.ts';

const HELP = `Usage: candor build [--mirror ID]... [--out DIR] [--strict] [--root DIR] [--now TIMESTAMP]

Validates the content and runs the linter, then builds each mirror into <out>/<mirror id>/ (default out: dist).
A mirror's previous output is replaced only when its new build succeeded. Lint findings are printed; they
stop the build only with --strict, so a late update can always be published.

  --mirror ID   build only this mirror (repeatable); default: every mirror in the config
  --out DIR     where mirror folders go (default: dist)
  --strict      fail when the linter finds errors (pull-request checks use this)
  --root DIR    folder holding candor.config.yaml and incidents/ (default: .)
  --now TIME    build the site as of this moment (default: now), e.g. 2026-11-23T09:00:00Z`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { mirror: { type: 'string', multiple: true }, out: { type: 'string', default: 'dist' }, strict: { type: 'boolean', default: false } });
  if (values.help) return console.log(HELP), 0;
  const root = rootOf(values.root);
  const now = nowOf(values.now);
  const started = performance.now();
  const site = await loadOrFail(root, now);
  const findings = lint(site, now);
  if (findings.length) console.error(`${formatText(findings)}\n`);
  if (values.strict && findings.some((f) => f.severity === 'error')) throw new CliError('the linter found errors (--strict); nothing was built');
  const known = site.config.mirrors.map((m) => m.id);
  for (const id of values.mirror ?? []) {
    if (!known.includes(id)) throw new CliError(formatError({ file: 'candor.config.yaml', field: '--mirror', message: `no mirror "${id}"`, fix: knownList(id, known) }), 2);
  }
  const mirrors = values.mirror ?? known;
  const out = resolve(values.out);
  // Mirrors build in parallel child processes, two at a time on these 2-core machines.
  const queue = [...mirrors];
  const failures: string[] = [];
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const mirrorId = id;
      try {
        const mirror = site.config.mirrors.find((m) => m.id === mirrorId)!;
        const r = await buildAtomically(join(out, mirrorId), async (staging) => {
          const result = await astroBuild({ root, mirror: mirrorId, now, outDir: staging, cacheDir: join(APP_DIR, 'node_modules', '.astro', mirrorId) });
          await writeFile(join(staging, '_headers'), hostHeaders(mirror));
          return result;
        });
        console.log(`built ${mirrorId}: ${r.pages} pages in ${(r.ms / 1000).toFixed(1)} s → ${join(values.out, mirrorId)}/`);
      } catch (e) {
        failures.push(mirrorId);
        console.error(`failed ${mirrorId}: ${(e as Error).message}\n  its previous output, if any, was left untouched`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(mirrors.length, Math.max(1, availableParallelism())) }, worker));
  console.log(`${mirrors.length - failures.length} of ${mirrors.length} mirror(s) built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return failures.length ? 1 : 0;
}
