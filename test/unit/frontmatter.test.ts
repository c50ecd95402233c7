import { describe, expect, it } from 'vitest';
import { parseMarkdownFile } from '../../site/model/frontmatter.ts';

describe('parseMarkdownFile', () => {
  it('keeps timestamps as text so their zone can be checked, and knows each field\'s line', () => {
    const r = parseMarkdownFile('---\ntitle: API down\nstarted: 2026-11-22T10:14:00\ncomponents:\n  - api\n  - web\n---\nBody text\n');
    if (!('data' in r)) throw new Error(r.message);
    expect(r.data).toEqual({ title: 'API down', started: '2026-11-22T10:14:00', components: ['api', 'web'] });
    expect(r.body).toBe('Body text\n');
    expect(r.lineOf(['started'])).toBe(3);
    expect(r.lineOf(['components', 1])).toBe(6);
  });

  it('reports invalid YAML with its line', () => {
    const r = parseMarkdownFile('---\ntitle: ok\nimpact: [major\n---\n');
    expect(r).toMatchObject({ line: 3, message: expect.stringMatching(/^invalid YAML/) });
  });

  it('never evaluates JavaScript frontmatter', () => {
    (globalThis as Record<string, unknown>).__ran = false;
    const r = parseMarkdownFile('---js\n{ title: (globalThis.__ran = true) }\n---\n');
    expect(r).toMatchObject({ message: 'frontmatter in "js" is not accepted' });
    expect((globalThis as Record<string, unknown>).__ran).toBe(false);
  });

  it('stops a YAML alias bomb', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)];
    const r = parseMarkdownFile(`---\n${bomb.join('\n')}\n---\n`);
    expect(r).toMatchObject({ message: 'the YAML expands too many aliases' });
  });

  it('notices frontmatter that is never closed', () => {
    expect(parseMarkdownFile('---\ntitle: x\nbody')).toMatchObject({ line: 1, message: 'the frontmatter is never closed' });
  });

  it('rejects duplicate keys and lists where fields belong', () => {
    expect(parseMarkdownFile('---\ntitle: a\ntitle: b\n---\n')).toMatchObject({ message: expect.stringMatching(/unique|duplicate/i) });
    expect(parseMarkdownFile('---\n- a\n- b\n---\n')).toMatchObject({ message: 'the frontmatter is not a set of "key: value" fields' });
  });
});
