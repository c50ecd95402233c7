import { chromium } from 'playwright-core';
import { chromiumPath } from '/work/main/scripts/lib/browser.ts';
import { serveDir } from '/work/main/scripts/lib/serve.ts';
const [, , dir, base, route] = process.argv;
const { server, url } = await serveDir(dir!, base!);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
for (let i = 0; i < 2; i++) {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(new URL(route!, url).href);
  await page.waitForTimeout(2000);
  const buf = await browser.stopTracing();
  const events = JSON.parse(buf.toString()).traceEvents as any[];
  const main = events.filter((e) => e.name === 'RunTask' && e.dur > 40000);
  for (const t of main) {
    const kids = events.filter((e) => e.tid === t.tid && e.pid === t.pid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.ph === 'X' && e.name !== 'RunTask' && e.dur > 3000);
    const sum: Record<string, number> = {};
    for (const k of kids) sum[k.name + (k.args?.data?.url ? ' ' + String(k.args.data.url).slice(-30) : '')] = (sum[k.name] ?? 0) + k.dur / 1000;
    console.log(`task ${Math.round(t.dur / 1000)} ms:`, Object.entries(sum).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${Math.round(v)}`).join(', '));
  }
  console.log('---');
  await page.close();
}
await browser.close(); server.close();
