#!/usr/bin/env node
// The published entry point runs the compiled CLI; `npm ci` builds it through `prepare`.
import { main } from '../dist/src/cli/main.js';
main(process.argv).then((code) => { process.exitCode = code; });
