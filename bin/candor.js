#!/usr/bin/env node
// The `candor` command's entry point (npm's bin, `npm run build`, `npm start`, `npx candor`):
// check the Node version while nothing but plain JavaScript has loaded, then hand over to the CLI.
import { requireFloor } from './node-floor.js';

requireFloor();
await import('../scripts/candor.ts');
