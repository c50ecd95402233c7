// Test-only entry: `candor build` with a given number of render threads, all started at once, and optionally a
// fault injected into one mirror's rendering (fault-render.ts, fault-exit.ts).
// Usage: node test/helpers/candor-in-threads.ts <threads> <mirror>:<fault module file>|- <build arguments...>
import { pathToFileURL } from 'node:url';
import { run } from '../../scripts/commands/build.ts';

const [threads, fault, ...argv] = process.argv.slice(2);
const [mirror, file] = fault === '-' ? [] : fault!.split(':');
const faults = mirror && file ? { [mirror]: pathToFileURL(file).href } : undefined;
process.exitCode = await run(argv, { threads: Number(threads), firstThreads: Number(threads), faults });
