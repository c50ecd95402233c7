// Independent checkers: Debian's python3-feedparser and libxml2's xmllint (compiled to WebAssembly, from npm).
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { PYTHON } from './checkers.ts';
import { REPO } from './paths.ts';

export interface ParsedFeed {
  bozo: boolean;
  bozo_exception: string;
  version: string;
  title: string;
  link: string;
  language: string | null;
  links: { rel: string; href: string }[];
  entries: { id: string; title: string; link: string; updated: string; published: string | null; content: string }[];
}

export function feedparser(file: string): ParsedFeed {
  const out = execFileSync(PYTHON, [join(REPO, 'test', 'helpers', 'parse_feed.py'), file], { encoding: 'utf8' });
  return JSON.parse(out) as ParsedFeed;
}

/**
 * libxml2's strict well-formedness check; returns its complaints, empty when the XML is well-formed.
 * The WebAssembly build is the same parser as Debian's xmllint without a system package; without a
 * schema it needs an output mode, so it is asked to format the document and the result is dropped.
 */
export async function xmllint(file: string): Promise<string> {
  const r = await validateXML({ xml: [{ fileName: basename(file), contents: await readFile(file, 'utf8') }], normalization: 'format' });
  return r.errors.map((e) => e.rawMessage).join('\n');
}
