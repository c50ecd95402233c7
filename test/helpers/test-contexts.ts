// Browser contexts that live as long as one test: every page a test opened is closed when the test ends, so a file
// of forty tests does not keep forty pages running (their scripts, timers and memory) until the browser closes.
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterEach } from 'vitest';

/** Call at a test file's top level; the function it returns opens a context that closes after the current test. */
export function contextsPerTest(browser: () => Browser): (options?: BrowserContextOptions) => Promise<BrowserContext> {
  const open: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  return async (options) => {
    const context = await browser().newContext(options);
    open.push(context);
    return context;
  };
}
