// One mirror's Astro build, in a process of its own (scripts/lib/astro.ts starts it): its options arrive as one
// IPC message and go to Astro's programmatic API, so no environment variable carries them.
import { build } from 'astro';
import { astroConfig, type AstroRun } from '../../site/astro/config.ts';
import { APP_DIR } from './app-dir.ts';

export interface ChildRequest {
  run: Omit<AstroRun, 'integrations'>;
  /** Modules whose default export makes an integration for this build (how the tests inject faults). */
  integrations: string[];
}

// A build started by `candor build` ends with it: when that process dies (even by SIGKILL, which it cannot pass
// on), the IPC channel closes, and this build stops instead of writing on into a folder nobody will use.
process.on('disconnect', () => process.exit(1));

process.once('message', async (request: ChildRequest) => {
  try {
    const integrations = await Promise.all(request.integrations.map(async (m) => (await import(m)).default()));
    const config = await astroConfig({ ...request.run, integrations });
    await build({ ...config, root: APP_DIR, configFile: false, logLevel: 'error' });
    process.exit(0);
  } catch (e) {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  }
});
