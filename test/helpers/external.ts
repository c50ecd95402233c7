// Independent checkers: Debian's python3-feedparser and libxml2's xmllint.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
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

/** Debian's own python3, not a pyenv one that may come first on PATH and lack feedparser. */
export function feedparser(file: string): ParsedFeed {
  const out = execFileSync('/usr/bin/python3', [join(REPO, 'test', 'helpers', 'parse_feed.py'), file], { encoding: 'utf8' });
  return JSON.parse(out) as ParsedFeed;
}

/** Strict well-formedness check; returns xmllint's complaints, empty when the XML is well-formed. */
export function xmllint(file: string): string {
  const r = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr || `xmllint exited ${r.status}`;
}
