// Throwaway repositories written inline: testdir({ 'incidents/2026-01-01-x/index.md': '---\n…' }).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const MINIMAL_CONFIG = `name: Test Co
regions:
  - { id: eu, name: Europe }
  - { id: us, name: United States }
components:
  - { id: api, name: API, group: core }
  - { id: web, name: Website }
groups:
  - { id: core, name: Core }
mirrors:
  - { id: main, url: https://status.test.example/, locale: en }
`;

export function testdir(files: Record<string, string | Buffer>, { config = MINIMAL_CONFIG }: { config?: string | null } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'candor-'));
  const all = config === null ? files : { 'candor.config.yaml': config, ...files };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Frontmatter plus body, for writing content files in tests without YAML noise. */
export function md(fields: Record<string, unknown>, body = ''): string {
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${typeof v === 'object' || (typeof v === 'string' && /[:#]\s|^[*&!|>'"%@`{[]/.test(v)) ? JSON.stringify(v) : String(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}\n`;
}
