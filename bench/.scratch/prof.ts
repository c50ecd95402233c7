import { chromium } from 'playwright-core';
import { chromiumPath } from '/work/main/scripts/lib/browser.ts';
import { serveDir } from '/work/main/scripts/lib/serve.ts';
const [, , dir, base, route] = process.argv;
const { server, url } = await serveDir(dir!, base!);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
for (let i = 0; i < 3; i++) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    (window as any).lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).lt.push(`${Math.round(e.startTime)}+${Math.round(e.duration)}`); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(new URL(route!, url).href);
  await page.waitForTimeout(1500);
  const t = await page.evaluate(() => {
    const t0 = performance.now();
    const lang = document.documentElement.lang;
    new Intl.DateTimeFormat('ja', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date());
    const t1 = performance.now();
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tokyo', timeZoneName: 'longOffset' }).format(new Date());
    const t2 = performance.now();
    return { full: t1 - t0, offset: t2 - t1, lt: (window as any).lt, nav: performance.getEntriesByType('navigation')[0]!.toJSON() };
  });
  console.log(JSON.stringify({ full: t.full, offset: t.offset, lt: t.lt, dcl: Math.round(t.nav.domContentLoadedEventEnd) }));
  await page.close();
}
await browser.close(); server.close();
