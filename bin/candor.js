#!/usr/bin/env node
// The `candor` command's entry point (npm's bin, `npm run build`, `npm start`, `npx candor`):
// check the Node version while nothing but plain JavaScript has loaded, then hand over to the CLI.
import { existsSync } from 'node:fs';
import { requireFloor } from './node-floor.js';
import { useCompileCache } from './compile-cache.js';

requireFloor();
// About 60 % of a command's start is compiling and type-stripping its modules; Node keeps that work on disk
// between runs (bin/compile-cache.js), which an on-call engineer's second `candor update` and every CI step after
// the first get for free. A build's render threads compile the whole app each, about 0.2 s a thread on 2 cores.
useCompileCache();
// This repository runs the TypeScript itself. An installed Candor ships no scripts/*.ts (package.json files) and
// runs the JavaScript emitted when it was packed (pack/node-js.ts): Node strips no types under node_modules.
// The source wins when both are there, so .js left by an interrupted `npm pack` never runs instead of your edits.
const source = new URL('../scripts/candor.ts', import.meta.url);
await import(existsSync(source) ? source.href : new URL('../scripts/candor.js', import.meta.url).href);
