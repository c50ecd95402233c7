// The live preview's module runners map stack traces lazily (site/astro/dev-stack-maps.ts): Node's own source-map
// support, which Vite's runner turns on by default, decoded every module's map on each reload. Checked through
// the integration's own Vite config, as the dev server gets it.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from 'vite';
import { expect, it } from 'vitest';
import { candor } from '../../site/astro/integration.ts';
import { testdir } from '../helpers/testdir.ts';

interface Runner {
  options: { sourcemapInterceptor?: unknown };
  import(url: string): Promise<unknown>;
}
interface Environment {
  init(): Promise<void>;
  close(): Promise<void>;
  runner: Runner;
}

it("the dev server's runners decode source maps only for a trace that is read, which still points at the source", async () => {
  // A TypeScript module whose throw moves when its types are stripped, were its trace not mapped back.
  const root = testdir({ 'throws.ts': 'type Count = {\n  n: number;\n};\n\nconst count: Count = { n: 1 };\nexport function boom(): never {\n  throw new Error(`boom ${count.n}`);\n}\nboom();\n' }, { config: null });
  let vite: { environments?: Record<string, unknown> } = {};
  const setup = candor('compiled').hooks['astro:config:setup'] as unknown as (o: object) => Promise<void>;
  await setup({ updateConfig: (c: { vite: typeof vite }) => (vite = c.vite), command: 'dev', config: { root: pathToFileURL(`${root}/`) } });
  // Astro's three runnable environments: the pages, prerendering, and Astro's own.
  expect(Object.keys(vite.environments ?? {}).sort()).toEqual(['astro', 'prerender', 'ssr']);

  const config = await resolveConfig({ configFile: false, logLevel: 'silent', root, environments: vite.environments as never }, 'serve');
  const env = (await config.environments.ssr!.dev.createEnvironment('ssr', config, {} as never)) as unknown as Environment;
  await env.init();
  try {
    // Vite's default is 'node': Node's source maps, decoded for every module the runner evaluates.
    expect(env.runner.options.sourcemapInterceptor).not.toBe('node');
    const error = await env.runner.import(join(root, 'throws.ts')).then(() => undefined, (e: Error) => e);
    expect(error?.message).toBe('boom 1');
    expect(error?.stack?.split('\n')[1]).toContain(`${join(root, 'throws.ts')}:7:9`);
  } finally {
    await env.close();
  }
});
