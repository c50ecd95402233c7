// Compiles the app (compile.ts) in a process of its own: Vite and Rollup leave hundreds of MB behind them, which
// the process rendering pages afterwards should not carry. The output folder arrives as one IPC message.
import { APP_DIR } from '../app-dir.ts';

export interface CompileRequest {
  outDir: string;
  cacheDir: string;
}

// A compile started by `candor build` ends with it, even when that process is killed (the IPC channel closes).
// Listened for before Astro loads (a second or more), so a parent gone by then is noticed too.
process.on('disconnect', () => process.exit(1));

process.once('message', async (request: CompileRequest) => {
  try {
    const [{ build }, { compiledConfig }] = await Promise.all([import('astro'), import('../../../site/astro/config.ts')]);
    await build({ ...compiledConfig(request.outDir, request.cacheDir), root: APP_DIR, configFile: false, logLevel: 'error' });
    process.exit(0);
  } catch (e) {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  }
});
