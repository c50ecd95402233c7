import { chromium } from 'playwright-core';
import { chromiumPath } from '/work/main/scripts/lib/browser.ts';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
for (const lang of ['zh-CN', 'en', 'de']) for (let i = 0; i < 2; i++) {
  const page = await browser.newPage({ timezoneId: 'America/New_York' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.setContent(`<html lang="${lang}"><p>x</p></html>`);
  const r = await page.evaluate((lang) => {
    const out: [string, number][] = [];
    let t = performance.now();
    const lap = (k: string) => { const n = performance.now(); out.push([k, Math.round((n - t) * 10) / 10]); t = n; };
    const reader = Intl.DateTimeFormat().resolvedOptions().timeZone; lap('resolved');
    const full = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }); lap('full');
    const short = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }); lap('short');
    const o1 = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', timeZoneName: 'longOffset' }); lap('offset page');
    const d1 = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }); lap('day page');
    const o2 = new Intl.DateTimeFormat('en', { timeZone: reader, timeZoneName: 'longOffset' }); lap('offset mine');
    const d2 = new Intl.DateTimeFormat('en', { timeZone: reader, dateStyle: 'short' }); lap('day mine');
    const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }); lap('rtf');
    const d = new Date(); full.format(d); lap('format full'); short.format(d); lap('format short'); o1.format(d); o2.format(d); d1.format(d); d2.format(d); lap('format zones'); rtf.format(-5, 'minute'); lap('format rtf');
    return out;
  }, lang);
  console.log(lang, r.map(([k, v]) => `${k} ${v}`).join(', '));
  await page.close();
}
await browser.close();
