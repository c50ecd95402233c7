// First step of `npm test`: name every missing external checker and the one command that installs them
// all, instead of failing minutes later deep inside a test with "spawnSync /usr/bin/python3 ENOENT".
import { installCommand, missingCheckers } from './helpers/checkers.ts';

const missing = missingCheckers();
if (missing.length) {
  console.error(
    [
      `npm test needs ${missing.length === 1 ? 'a program' : 'programs'} this machine lacks:`,
      ...missing.map((c) => `  - ${c.name}, for ${c.usedFor}`),
      'Install with (Debian or Ubuntu):',
      `  ${installCommand(missing)}`,
    ].join('\n'),
  );
  process.exitCode = 1;
}
