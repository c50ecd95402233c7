import { renderMarkdown } from '/work/wt/i16/site/model/markdown.ts';
import { unified } from 'unified'; import remarkParse from 'remark-parse';
for (const n of [100, 200, 400, 800, 1000, 1500]) { try { renderMarkdown('>'.repeat(n)+' x'); console.log(n,'ok'); } catch(e){ console.log(n,'fail'); } }
try { const t = unified().use(remarkParse).parse('>'.repeat(200000)+'x'); console.log('parse big ok'); } catch(e) { console.log('parse big', (e as Error).message); }
