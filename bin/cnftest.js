#!/usr/bin/env node
// Launcher for cnftest (offline `imsimta test -rewrite`). Prefers the single-file bundle
// (dist/bundle/, made by scripts/bundle.mjs: faster start-up) when it is at least as new as
// the tsc output, and falls back to the tsc output (dist/src/, made by `npm run build`).
import { existsSync, statSync } from 'node:fs';

const bundle = new URL('../dist/bundle/cnftest.js', import.meta.url);
const compiled = new URL('../dist/src/cli/cnftest.js', import.meta.url);
const mtime = (u) => (existsSync(u) ? statSync(u).mtimeMs : -1);

const target = mtime(bundle) >= mtime(compiled) && mtime(bundle) > 0 ? bundle : compiled;
if (mtime(target) < 0) {
  process.stderr.write('cnftest: not built yet; run `npm run build` in the cnflint package first\n');
  process.exit(2);
}
// `cnftest rewrite < list | head`: a closed pipe is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import(target.href);
process.exitCode = await main(process.argv.slice(2));
