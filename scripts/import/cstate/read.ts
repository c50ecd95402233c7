// Reads a cState site: its issue files (Hugo content with YAML frontmatter) and, when it can be found,
// the site's config.yml for the page title and the systems and categories it lists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseMarkdownFile } from '../../../site/model/frontmatter.ts';
import { CliError } from '../../lib/cli-error.ts';
import type { Report } from '../report.ts';

export interface CsIssue {
  /** Path shown in the report, relative to the folder given. */
  file: string;
  /** Frontmatter with lowercase keys (Hugo reads `Title` and `title` alike). */
  data: Record<string, unknown>;
  body: string;
}

export interface CsSystem {
  name: string;
  description?: string;
  category?: string;
}

export interface CsCategory {
  name: string;
  description?: string;
  /** cState hides the name of an untitled category: its systems are not grouped. */
  untitled: boolean;
}

export interface CsInput {
  issues: CsIssue[];
  site: { title?: string; baseURL?: string; languageCode?: string; description?: string; systems: CsSystem[]; categories: CsCategory[]; configFile?: string };
}

const CONFIG_NAMES = ['config.yml', 'config.yaml', 'hugo.yml', 'hugo.yaml'];

export function readCstate(folder: string, report: Report): CsInput {
  const given = resolve(folder);
  if (!existsSync(given) || !statSync(given).isDirectory()) throw new CliError(`${folder}: no such folder`, 2);
  const dir = [join(given, 'content', 'issues'), join(given, 'issues'), given].find((d) => existsSync(d) && statSync(d).isDirectory())!;
  const names = readdirSync(dir).filter((n) => n.endsWith('.md') && !n.startsWith('_') && !n.startsWith('.')).sort();
  if (names.length === 0) throw new CliError(`${folder}: no cState issue files (*.md) in ${dir}\n  fix: name the site's content/issues folder`, 2);

  const issues: CsIssue[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(dirname(given), path).split(sep).join('/');
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    if (text.startsWith('+++')) {
      report.fail(file, 'has TOML frontmatter ("+++"); only YAML ("---") is read — convert it and import again');
      continue;
    }
    const parsed = parseMarkdownFile(text);
    if (!('data' in parsed)) {
      report.fail(file, `${parsed.message} (line ${parsed.line ?? 1})`);
      continue;
    }
    const data = Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k.toLowerCase(), v]));
    issues.push({ file, data, body: parsed.body });
  }
  return { issues, site: siteConfig(dir, report) };
}

/** The site's config.yml, found beside content/ (or above the folder given); empty when there is none. */
function siteConfig(issuesDir: string, report: Report): CsInput['site'] {
  const empty = { systems: [], categories: [] };
  const roots = [dirname(dirname(issuesDir)), dirname(issuesDir), issuesDir];
  const path = roots.flatMap((r) => CONFIG_NAMES.map((n) => join(r, n))).find((p) => existsSync(p));
  if (!path) return empty;
  let config: Record<string, unknown>;
  try {
    config = (parseYaml(readFileSync(path, 'utf8')) ?? {}) as Record<string, unknown>;
  } catch (e) {
    report.note(path, `could not be read (${(e as Error).message.split('\n')[0]}); components come from the issues alone`);
    return empty;
  }
  const params = (config.params ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !!str((x as { name?: unknown }).name)) : []);
  return {
    configFile: path,
    title: str(config.title),
    baseURL: str(config.baseURL ?? config.baseurl),
    languageCode: str(config.languageCode ?? config.languagecode),
    description: str(params.description),
    systems: list(params.systems).map((s) => ({ name: str(s.name)!, description: str(s.description), category: str(s.category) })),
    categories: list(params.categories).map((c) => ({ name: str(c.name)!, description: str(c.description), untitled: c.untitled === true })),
  };
}
