#!/usr/bin/env node
// The lowest Node that runs Candor, checked before anything else loads. Plain JavaScript on purpose:
// Node 20 and 22.12-22.17 cannot load a .ts file at all (ERR_UNKNOWN_FILE_EXTENSION), and 22.18, which
// can, lacks Intl.DurationFormat and fails in the middle of a build. Node 24.0.0 was measured to build.
// Keep the syntax old enough for any Node a user may still have.
import { fileURLToPath } from 'node:url';

/** The floor, as `engines` in package.json states it; .nvmrc names the version we use (24 LTS). */
export const FLOOR = 24;
export const ENGINES = '>=24.0.0';

export function meetsFloor(version) {
  return Number(version.replace(/^v/, '').split('.')[0]) >= FLOOR;
}

/** One line: the version needed, the version found, and how to get the right one. */
export function floorMessage(version) {
  return `Candor needs Node.js ${FLOOR} or newer (this is Node ${version.replace(/^v/, '')}): run "nvm install" in this folder, or get Node 24 LTS from https://nodejs.org/en/download`;
}

/** Exits with the one line when this Node is too old; returns quietly otherwise. */
export function requireFloor() {
  if (meetsFloor(process.versions.node)) return;
  console.error(floorMessage(process.versions.node));
  process.exit(1);
}

// Run directly (`node bin/node-floor.js`), it is the first step of `npm start` and `npm test`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) requireFloor();
