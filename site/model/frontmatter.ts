// The one frontmatter parser. gray-matter splits the file; `yaml` (YAML 1.2, core schema) parses it, so
// timestamps stay strings we can check for a zone, aliases are bounded, and every field has a line.
import matter from 'gray-matter';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { forbiddenCharacter, openBidi, stringsIn, tooDeep } from './text-safety.ts';

export interface ParsedFile {
  data: Record<string, unknown>;
  /** Markdown after the frontmatter. */
  body: string;
  /** Line of the file on which `body` starts, so findings in the text can point at their line. */
  bodyLine: number;
  /** Line number in the file of a frontmatter field path, when it can be found. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export interface FrontmatterProblem {
  line?: number;
  message: string;
  fix: string;
}

const FIX_YAML = 'write the frontmatter as YAML between two "---" lines, e.g. "---\\ntitle: API errors\\n---"';

function refuse(language: string): never {
  throw new FrontmatterLanguageError(language);
}

class FrontmatterLanguageError extends Error {
  readonly language: string;
  constructor(language: string) {
    super(language);
    this.language = language;
  }
}

// gray-matter evaluates `---js` frontmatter as code; only YAML is ever accepted here.
const engines = {
  javascript: () => refuse('javascript'),
  js: () => refuse('js'),
  coffee: () => refuse('coffee'),
  json: () => refuse('json'),
  toml: () => refuse('toml'),
  yaml: (text: string) => parseYaml(text),
};

function parseYaml(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  return { doc, lineCounter, text };
}

/** Parses a Markdown file with optional YAML frontmatter, or says what is wrong with it. */
export function parseMarkdownFile(text: string): ParsedFile | FrontmatterProblem {
  // gray-matter reads "---foo" as frontmatter in a language called foo and throws for unknown ones.
  const language = /^---[ \t]*([^\s-][^\r\n]*?)[ \t]*\r?\n/.exec(text)?.[1];
  if (language !== undefined && language !== 'yaml') return { line: 1, message: `frontmatter in "${language}" is not accepted`, fix: FIX_YAML };
  const opens = /^---[ \t]*\r?\n/.test(text);
  if (opens && !/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
    return { line: 1, message: 'the frontmatter is never closed', fix: 'end the frontmatter with a line containing only "---"' };
  }
  let file;
  try {
    file = matter(text, { engines, language: 'yaml' } as never);
  } catch (e) {
    if (e instanceof FrontmatterLanguageError) {
      return { line: 1, message: `frontmatter in "${e.language}" is not accepted`, fix: FIX_YAML };
    }
    throw e;
  }
  const parsed = file.data as unknown as ReturnType<typeof parseYaml> | Record<string, never>;
  const bodyLine = text.split('\n').length - file.content.split('\n').length + 1;
  if (!('doc' in parsed)) return unsafeText({}, file.content, bodyLine, () => undefined) ?? { data: {}, body: file.content, bodyLine, lineOf: () => undefined };
  // gray-matter's block starts right after the opening "---", so the block's line N is the file's line N.
  const { doc, lineCounter } = parsed;
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const yamlError = doc.errors[0];
  if (yamlError) {
    const tooManyAliases = /alias/i.test(yamlError.message) && /excessive|count|resource/i.test(yamlError.message);
    return {
      line: lineAt(yamlError.pos[0]),
      message: tooManyAliases ? 'the YAML expands too many aliases' : `invalid YAML: ${firstLine(yamlError.message)}`,
      fix: tooManyAliases ? 'write the values out instead of using YAML anchors and aliases' : FIX_YAML,
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    return { line: 1, message: 'the YAML expands too many aliases', fix: 'write the values out instead of using YAML anchors and aliases' };
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data) || !isMap(doc.contents))) {
    return { line: 2, message: 'the frontmatter is not a set of "key: value" fields', fix: FIX_YAML };
  }
  const lineOf = lazyLines(parsed as ReturnType<typeof parseYaml>);
  return unsafeText(data, file.content, bodyLine, lineOf) ?? { data: (data ?? {}) as Record<string, unknown>, body: file.content, bodyLine, lineOf };
}

/** Text no output could carry (text-safety.ts), in a field or in the body: refused here, before anyone renders it. */
function unsafeText(data: unknown, body: string, bodyLine: number, lineOf: ParsedFile['lineOf']): FrontmatterProblem | undefined {
  for (const { path, text } of stringsIn(data)) {
    const problem = forbiddenCharacter(text) ?? openBidi(text);
    if (problem) return { line: lineOf(path), message: `${path.join('.')}: ${problem.message}`, fix: problem.fix };
  }
  const problem = forbiddenCharacter(body) ?? openBidi(body) ?? tooDeep(body);
  if (problem) return { line: bodyLine + problem.line - 1, message: `the text ${problem.message}`, fix: problem.fix };
  return undefined;
}

/**
 * Line lookups for a parsed block that do not keep its YAML document alive. Lines are needed only to report a
 * problem, but the loader keeps every file's lookup until all checks ran, and tens of thousands of documents held
 * that long were most of the memory of loading a large history. The document stays reachable only weakly:
 * used while it is still there, parsed again from the block's text (same parser, same result) once collected.
 */
function lazyLines(first: ReturnType<typeof parseYaml>): ParsedFile['lineOf'] {
  const text = first.text;
  let ref = new WeakRef(first);
  return (path) => {
    let current = ref.deref();
    if (!current) ref = new WeakRef((current = parseYaml(text)));
    const { doc, lineCounter } = current;
    return lineOfPath(doc, path, (offset) => lineCounter.linePos(offset).line);
  };
}

function lineOfPath(doc: Document, path: readonly PropertyKey[], lineAt: (offset: number) => number): number | undefined {
  // Walk up the path until a node is found: a missing nested field points at its parent.
  for (let depth = path.length; depth >= 1; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineAt(node.range[0]);
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
}

/** Parses a whole YAML file (the config) with the same parser and limits. */
export function parseYamlFile(text: string): ParsedFile | FrontmatterProblem {
  const result = parseMarkdownFile(`---\n${text}\n---\n`);
  if ('data' in result) return { ...result, lineOf: (p) => shift(result.lineOf(p)) };
  return { ...result, line: shift(result.line) };
}

function shift(line: number | undefined): number | undefined {
  return line === undefined ? undefined : Math.max(1, line - 1);
}
