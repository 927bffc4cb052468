// Shared by the three launchers. Runs a CLI's `main(argv)` from the single-file bundle
// (dist/bundle/, made by scripts/bundle.mjs: one module to read instead of hundreds, much
// faster start-up) when it is at least as new as the tsc output, else from the tsc output
// (dist/src/cli/). Both come from `npm run build`.
import { existsSync, statSync } from 'node:fs';

export async function launch(name) {
  const bundle = new URL(`../dist/bundle/${name}.js`, import.meta.url);
  const compiled = new URL(`../dist/src/cli/${name}.js`, import.meta.url);
  const mtime = (u) => (existsSync(u) ? statSync(u).mtimeMs : -1);
  const target = mtime(bundle) >= mtime(compiled) && mtime(bundle) > 0 ? bundle : compiled;
  if (mtime(target) < 0) {
    process.stderr.write(`${name}: not built yet; run \`npm run build\` in the cnflint package first\n`);
    process.exit(2);
  }
  // Output piped into `head` and the like: stop quietly when the reader goes away.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  const { main } = await import(target.href);
  process.exitCode = await main(process.argv.slice(2));
}
