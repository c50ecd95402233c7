// `candor lint`: validation plus the communication rules; non-zero exit on errors only.
import { formatGithub, formatJson, formatText, lintRepository } from '../../site/model/lint/index.ts';
import { nowOf, parse, rootOf } from '../lib/args.ts';
import { CliError } from '../lib/cli-error.ts';
import { keptFindings } from '../lib/lint/kept.ts';
import { codeDigest } from '../lib/reuse.ts';
import { docsUrl } from '../../site/model/docs.ts';

const HELP = `Usage: candor lint [--format text|json|github] [--now TIME] [--root DIR]

Checks every file the build reads, then the communication rules (see ${docsUrl('lint-rules')}).
Exits 1 when any finding is an error; warnings alone exit 0.

  --format text     file:line, severity, rule, message and fix (default)
  --format json     { findings: [...], errors, warnings }
  --format github   GitHub Actions annotations on the pull request's files`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { format: { type: 'string', default: 'text' } });
  if (values.help) return console.log(HELP), 0;
  const format = { text: formatText, json: formatJson, github: formatGithub }[values.format];
  if (!format) throw new CliError(`--format must be text, json or github, not "${values.format}"`, 2);
  const root = rootOf(values.root);
  // The findings a build (or the last `candor lint`) kept per incident: a pull request's check reads the
  // wording of the incidents it changed, not the whole history's.
  const kept = keptFindings(root, codeDigest());
  const { site, findings } = await lintRepository(root, nowOf(values.now), kept);
  if (site) kept.save();
  const out = format(findings);
  if (out) console.log(out);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
