// Pages kept from one test to the next, one per set of context options. Opening a page costs Chromium a renderer
// process of its own, about 0.55 s of CPU, where navigating one costs about 0.15 s (docs: benchmarks, "The test run
// and the live preview"). A test may take a kept page only if it changes nothing a navigation does not undo: no fake
// clock, routes, init scripts, media emulation, or listeners other than those given through `listen`. After each
// test the listeners go, the page goes to about:blank (its scripts and timers stop) and its viewport is set back.
import type { Browser, BrowserContext, BrowserContextOptions, Page, Request, Response, ViewportSize } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';

interface Kept {
  context: BrowserContext;
  page: Page;
  viewport: ViewportSize | null;
}

export interface KeptPages {
  /** A page with these options: the kept one, or a page of its own when the test already holds the kept one. */
  page(options: BrowserContextOptions): Promise<Page>;
  /** Adds a listener that is removed when the test ends. */
  listen(page: Page, event: 'pageerror', handler: (error: Error) => void): void;
  listen(page: Page, event: 'request' | 'requestfailed', handler: (request: Request) => void): void;
  listen(page: Page, event: 'response', handler: (response: Response) => void): void;
}

/** Call at a test file's top level; `fresh` opens a context that closes after the current test (test-contexts.ts). */
export function keptPages(browser: () => Browser, fresh: (options: BrowserContextOptions) => Promise<BrowserContext>): KeptPages {
  const kept = new Map<string, Kept>();
  const taken = new Set<string>();
  const listeners: (() => void)[] = [];
  afterEach(async () => {
    for (const off of listeners.splice(0)) off();
    taken.clear();
    await Promise.all(
      [...kept.values()].map(async (k) => {
        await k.page.goto('about:blank');
        if (k.viewport) await k.page.setViewportSize(k.viewport);
      }),
    );
  });
  afterAll(async () => {
    await Promise.all([...kept.values()].map((k) => k.context.close()));
  });
  return {
    async page(options) {
      const key = JSON.stringify(options);
      if (taken.has(key)) return (await fresh(options)).newPage();
      taken.add(key);
      let k = kept.get(key);
      if (!k) {
        const context = await browser().newContext(options);
        const page = await context.newPage();
        k = { context, page, viewport: page.viewportSize() };
        kept.set(key, k);
      }
      return k.page;
    },
    listen(page: Page, event: string, handler: (arg: never) => void) {
      // Page's on/off are overloaded per event; the overloads above keep the callers typed.
      const emitter = page as unknown as { on(e: string, h: (arg: never) => void): void; off(e: string, h: (arg: never) => void): void };
      emitter.on(event, handler);
      listeners.push(() => emitter.off(event, handler));
    },
  };
}
