import { chromium } from 'playwright-core';
import { chromiumPath } from '/work/main/scripts/lib/browser.ts';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
const firsts: Record<string, string> = {
  tzo: `new Date().getTimezoneOffset()`,
  zoned: `new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', timeZoneName: 'longOffset' }).format(new Date())`,
  zonedUTC: `new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', hour: 'numeric' }).format(new Date())`,
  rtf: `new Intl.RelativeTimeFormat('zh-CN', { numeric: 'auto' }).format(-5, 'minute')`,
  plural: `new Intl.PluralRules('zh-CN').select(3)`,
  noZone: `new Intl.DateTimeFormat('zh-CN', { hour: 'numeric' }).format(new Date())`,
  resolved: `Intl.DateTimeFormat().resolvedOptions().timeZone`,
};
for (const [name, code] of Object.entries(firsts)) for (let i = 0; i < 2; i++) {
  const page = await browser.newPage({ timezoneId: 'America/New_York' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.setContent(`<html lang="zh-CN"><p>x</p></html>`);
  const r = await page.evaluate((code) => {
    const t0 = performance.now(); (0, eval)(code); const t1 = performance.now();
    Intl.DateTimeFormat().resolvedOptions().timeZone; const t2 = performance.now();
    return [Math.round(t1 - t0), Math.round(t2 - t1)];
  }, code);
  console.log(name.padEnd(10), 'first', r[0], 'then resolved', r[1]);
  await page.close();
}
await browser.close();
