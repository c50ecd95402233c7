// Test-only entry: `candor build` with a fault injected into one mirror's render threads (fault-render.ts).
// Usage: node test/helpers/candor-with-fault.ts <mirror id> <build arguments...>
import { run } from '../../scripts/commands/build.ts';

const [mirror, ...argv] = process.argv.slice(2);
process.exitCode = await run(argv, { faults: { [mirror!]: new URL('./fault-render.ts', import.meta.url).href } });
