// `candor notify` as the notify tests run it: the same command, argv and code as the real CLI, with the two seams
// a test may change passed in as a parameter (never read from the environment by production code): receivers on
// this machine (loopback, and nothing else non-public) are allowed, and waits are short — a request gives up after
// TIMEOUT_MS, retries wait a few milliseconds. Run as `node test/notify/loopback-cli.ts notify …`.
import { isIP } from 'node:net';
import { nonPublicReason } from '../../scripts/notify/addresses.ts';
import { run, type NotifySeams } from '../../scripts/commands/notify.ts';
import { CliError } from '../../scripts/lib/cli-error.ts';

/** Long enough for any loopback answer on a busy 2-core machine; the slow receiver waits longer than this. */
export const TIMEOUT_MS = 2_000;

const isLoopbackAddress = (address: string) => (isIP(address) === 4 ? address.startsWith('127.') : address === '::1' || address === '::ffff:127.0.0.1');

export const LOOPBACK_SEAMS: NotifySeams = {
  net: { policy: { refuse: (address) => (isLoopbackAddress(address) ? undefined : nonPublicReason(address)) }, timeoutMs: TIMEOUT_MS },
  backoffMs: 5,
};

if (process.argv[1] === import.meta.filename) {
  const [command, ...argv] = process.argv.slice(2);
  if (command !== 'notify') throw new Error(`loopback-cli runs only "notify", not ${command}`);
  try {
    process.exitCode = await run(argv, LOOPBACK_SEAMS);
  } catch (e) {
    // As scripts/candor.ts reports a user's mistake.
    if (!(e instanceof CliError)) throw e;
    console.error(`candor: ${e.message}`);
    process.exitCode = e.exitCode;
  }
}
