// Turns zod's issues into messages an engineer can act on at 3 a.m.: field, problem, fix, line.
import type { z } from 'zod';
import type { ContentError } from '../errors.ts';
import { knownList, suggest } from '../suggest.ts';
import { KINDS } from '../states.ts';
import { TIMESTAMP_EXAMPLE } from '../time.ts';
import { docsUrl } from '../docs.ts';

/** Example values, by field name, used in "add …" fixes. */
const EXAMPLES: Record<string, string> = {
  title: 'title: Card payments fail for some customers',
  kind: 'kind: incident',
  impact: 'impact: major',
  started: `started: ${TIMESTAMP_EXAMPLE}`,
  components: 'components: [api]',
  status: 'status: investigating',
  next_update: 'next_update: 2026-11-22T10:45:00Z',
  scheduled: 'scheduled: { start: 2026-11-29T02:00:00Z, end: 2026-11-29T04:00:00Z }',
  start: `start: ${TIMESTAMP_EXAMPLE}`,
  end: `end: ${TIMESTAMP_EXAMPLE}`,
  published: `published: ${TIMESTAMP_EXAMPLE}`,
  name: 'name: Example Cloud',
  id: 'id: api',
  url: 'url: https://status.example.com/',
  locale: 'locale: en',
  component_state: 'component_state: partial_outage',
  indicator: 'indicator: major',
  mirrors: 'mirrors: [{ id: global, url: https://status.example.com/, locale: en }]',
};

type Schema = z.ZodType;
type Path = readonly PropertyKey[];

/** Examples for the config, whose `components` and ids look different from an incident's. */
export const CONFIG_EXAMPLES: Record<string, string> = {
  components: 'components: [{ id: api, name: API }]',
  id: 'id: eu-west',
  regions: 'regions: [{ id: eu, name: Europe }]',
};

export function issuesToErrors(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  schema: Schema,
  file: string,
  lineOf: (path: Path) => number | undefined,
  examples: Record<string, string> = {},
): ContentError[] {
  return issues.map((issue) => {
    // An unknown key is best pointed at by its own line, not its parent's.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    const field = path.length ? path.map(String).join('.') : undefined;
    const { message, fix } = describe(issue, input, schema, { ...EXAMPLES, ...examples }, file === 'candor.config.yaml' ? docsUrl('configuration') : docsUrl('writing-incidents'));
    return { file, line: lineOf(path), field, message, fix };
  });
}

/** `docs` is the page that documents the file's fields, for issues no example or fix covers. */
function describe(issue: z.core.$ZodIssue, input: unknown, schema: Schema, EXAMPLES: Record<string, string>, docs: string): { message: string; fix: string } {
  const value = valueAt(input, issue.path);
  const name = String(issue.path.at(-1) ?? '');
  const params = (issue as { params?: { fix?: string } }).params;
  const custom = !/^(Invalid|Too (small|big)|Unrecognized)/.test(issue.message);
  const like = EXAMPLES[name] ? `write it like "${EXAMPLES[name]}"` : undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { message: 'is missing', fix: `add it, e.g. "${EXAMPLES[name] ?? `${name}: …`}"` };
      return {
        message: custom ? issue.message : `must be ${article(issue.expected)}, not ${typeName(value)}`,
        fix: EXAMPLES[name] ? `write it like "${EXAMPLES[name]}"` : `change it to ${article(issue.expected)}`,
      };
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      if (value === undefined) return { message: 'is missing', fix: `add it: ${allowed.join(' or ')}` };
      return { message: `"${String(value)}" is not allowed`, fix: knownList(String(value), allowed) };
    }
    case 'invalid_union':
      if (value === undefined) return { message: 'is missing', fix: `add it, e.g. "${EXAMPLES[name] ?? `${name}: …`}"` };
      // The incident/maintenance switch: say which values exist, and the nearest.
      if (name === 'kind' && typeof value === 'string') return { message: `"${value}" is not allowed`, fix: knownList(value, [...KINDS]) };
      return { message: custom ? issue.message : 'has the wrong form', fix: params?.fix ?? like ?? `see the ${name || 'field'} format at ${docs}` };
    case 'unrecognized_keys': {
      const known = knownKeys(schema, issue.path, input);
      const key = issue.keys[0]!;
      const near = suggest(key, known);
      const others = issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).map((k) => `"${k}"`).join(', ')})` : '';
      return {
        message: `unknown field "${key}"${others}`,
        fix: near ? `did you mean "${near}"? Known fields: ${known.join(', ')}` : `remove it; known fields: ${known.join(', ')}`,
      };
    }
    case 'too_small':
      return { message: custom ? issue.message : `is too short or too small (minimum ${String(issue.minimum)})`, fix: params?.fix ?? like ?? 'fill it in' };
    case 'too_big':
      return { message: custom ? issue.message : `is too long or too large (maximum ${String(issue.maximum)})`, fix: params?.fix ?? 'shorten it' };
    default:
      return { message: custom ? issue.message : `is invalid (${issue.message})`, fix: params?.fix ?? like ?? `see the ${name || 'field'} format at ${docs}` };
  }
}

function valueAt(input: unknown, path: Path): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function typeName(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return `${typeof value} "${String(value)}"`;
}

function article(expected: string): string {
  const words: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a set of fields' };
  return words[expected] ?? expected;
}

/** The keys a strict object at `path` accepts, found by walking the schema's definition. */
function knownKeys(schema: Schema, path: Path, input: unknown): string[] {
  let node: unknown = schema;
  let data: unknown = input;
  const steps = [...path];
  for (;;) {
    const def = (node as { _zod: { def: Record<string, unknown> } })._zod.def;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
        node = def.innerType;
        continue;
      case 'pipe':
        node = def.in;
        continue;
      case 'union': {
        const kind = (data as { kind?: unknown } | undefined)?.kind;
        const options = def.options as Schema[];
        node = options.find((o) => literalKind(o) === kind) ?? options[0];
        continue;
      }
    }
    if (steps.length === 0) {
      return def.type === 'object' ? Object.keys(def.shape as object) : [];
    }
    const key = steps.shift()!;
    data = (data as Record<PropertyKey, unknown> | undefined)?.[key];
    if (def.type === 'object') node = (def.shape as Record<PropertyKey, Schema>)[key];
    else if (def.type === 'array') node = def.element;
    else if (def.type === 'record') node = def.valueType;
    else return [];
    if (!node) return [];
  }
}

function literalKind(option: Schema): unknown {
  const shape = (option as { _zod: { def: { shape?: Record<string, { _zod: { def: { values?: unknown[] } } }> } } })._zod.def.shape;
  return shape?.kind?._zod.def.values?.[0];
}
