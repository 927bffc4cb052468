// Shared by the three launchers. Runs a CLI's `main(argv)` from its single-file bundle
// (dist/bundle/<cli>.cjs, made by scripts/bundle.mjs: one file to read instead of
// hundreds) when it is at least as new as the tsc output, else from the tsc output
// (dist/src/cli/). Both come from `npm run build`.
//
// The bundle is compiled with vm.Script so that V8 can use the code cache made at build
// time (<cli>.cjs.cache): start-up then skips parsing and compiling most of the code.
// V8 checks the cache itself (Node.js version, flags, source) and compiles normally
// when it does not fit.
import { isAscii } from 'node:buffer';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vm from 'node:vm';

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : -1);

export async function launch(name) {
  const bundle = fileURLToPath(new URL(`../dist/bundle/${name}.cjs`, import.meta.url));
  const compiled = fileURLToPath(new URL(`../dist/src/cli/${name}.js`, import.meta.url));
  const useBundle = mtime(bundle) > 0 && mtime(bundle) >= mtime(compiled);
  if (!useBundle && mtime(compiled) < 0) {
    process.stderr.write(`${name}: not built yet; run \`npm run build\` in the cnflint package first\n`);
    process.exit(2);
  }
  // Output piped into `head` and the like: stop quietly when the reader goes away.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  if (!useBundle) {
    const { main } = await import(new URL(`file://${compiled}`).href);
    process.exitCode = await main(process.argv.slice(2));
    return;
  }
  const { main, script } = loadBundle(bundle);
  process.exitCode = await main(process.argv.slice(2));
  // `npm run build` runs each CLI once with this set, to save what that run compiled.
  if (process.env.CNFLINT_WRITE_CODE_CACHE === '1') {
    const tmp = `${bundle}.cache.${process.pid}`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, `${bundle}.cache`);
  }
}

/**
 * Compiles and runs a CommonJS bundle in this context, with its code cache when it has
 * one. `script.cachedDataRejected` tells whether V8 took the cache.
 */
export function loadBundle(file) {
  const cacheFile = `${file}.cache`;
  // The bundles are ASCII (esbuild escapes what is not): read them as one-byte text, which
  // is a copy rather than a UTF-8 decode.
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cachedData = process.env.CNFLINT_WRITE_CODE_CACHE !== '1' && mtime(cacheFile) >= mtime(file) ? readFileSync(cacheFile) : undefined;
  // (No dynamic import() in the bundles: scripts/bundle.mjs refuses them, as a script
  // compiled from a code cache gets no import callback on Node 20.)
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return { main: module.exports.main, script };
}
