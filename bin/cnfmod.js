#!/usr/bin/env node
// cnfmod launcher: the compiled CLI lives in dist/ (npm run build).
import { main } from '../dist/src/cli/cnfmod.js';

// Output piped into `head` and the like: stop quietly when the reader goes away.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

process.exitCode = await main(process.argv.slice(2));
