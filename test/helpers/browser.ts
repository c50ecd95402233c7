// The browser tests launch Chromium the same way the screenshot command does.
export { chromiumPath, launch } from '../../scripts/lib/browser.ts';
