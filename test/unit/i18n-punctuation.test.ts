// Punctuation each language expects: Chinese full-width colons and no spaces between Chinese words,
// French space before a colon, and no colon written into markup where a language cannot change it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs, t } from '../../site/i18n/index.ts';
import { REPO } from '../helpers/paths.ts';

const CJK = /[\u3000-\u9fff\uff00-\uffef]/u;
// Placeholders that hold Chinese text in Chinese pages: region names, durations, times and dates.
const CJK_VALUES = ['region', 'duration', 'time', 'date', 'component', 'title', 'label', 'value'];

describe('UI strings', () => {
  it('zh-CN has no Latin colon and no space between Chinese text and a Chinese value', () => {
    for (const [key, text] of Object.entries(catalogs['zh-CN']!)) {
      expect(text, key).not.toMatch(/[\u3000-\u9fff]:/u);
      for (const name of CJK_VALUES) {
        const filled = text.replaceAll(`{${name}}`, '亚太地区');
        expect(filled, key).not.toMatch(new RegExp(`${CJK.source} 亚太地区|亚太地区 ${CJK.source}`, 'u'));
      }
    }
  });

  it('fr puts a no-break space, never a plain one, before a colon', () => {
    for (const [key, text] of Object.entries(catalogs.fr!)) expect(text, key).not.toMatch(/ [:;?!]/);
  });

  it('pairs a label and a value as each language writes it', () => {
    expect(t('zh-CN', 'format.pair', { label: '您所在的地区', value: '仅显示亚太地区' })).toBe('您所在的地区：仅显示亚太地区');
    expect(t('fr', 'format.pair', { label: 'Votre région', value: 'Europe' })).toBe('Votre région\u00a0: Europe');
    expect(t('de', 'format.pair', { label: 'Ihre Region', value: 'Europa' })).toBe('Ihre Region: Europa');
  });

  it('components and pages write no colon of their own between a label and a value', () => {
    const dirs = ['site/components', 'site/layouts', 'site/pages/[...locale]', 'site/pages/[...locale]/history', 'site/pages/[...locale]/incidents/[id]', 'site/pages/[...locale]/components', 'site/pages/[...locale]/regions'];
    for (const dir of dirs) {
      for (const file of readdirSync(join(REPO, dir)).filter((f) => f.endsWith('.astro'))) {
        const source = readFileSync(join(REPO, dir, file), 'utf8').split('---').slice(2).join('---');
        expect(source, `${dir}/${file}`).not.toMatch(/(\}|<\/a>|\)):\s|\$\{[^}]+\}: /);
      }
    }
  });
});
