// Shared by the three launchers. Runs a CLI's `main(argv)` from its single-file bundle
// (dist/bundle/<cli>.cjs, made by scripts/bundle.mjs: one file to read instead of
// hundreds), else from the tsc output (dist/src/cli/). Both come from `npm run build`.
//
// The bundle is compiled with vm.Script so that V8 can use the code cache made at build
// time (<cli>.cjs.cache): start-up then skips parsing and compiling most of the code.
// V8 checks the cache itself (Node.js version, flags, source length) and compiles
// normally when it does not fit.
import { isAscii } from 'node:buffer';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vm from 'node:vm';

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : -1);

/**
 * Which build of CLI `name` to run, in the package at `root`: `{ bundle, cache }` (cache:
 * the code cache file to use, if any) or `{ compiled }`, or undefined when neither is built.
 *
 * In a checkout (src/ is there) a bundle older than the tsc output is stale (`tsc` was run
 * alone) and a cache older than its bundle belongs to an earlier bundle: both are passed
 * over. An installed package has no src/ and its files' times are those of unpacking, in
 * no particular order: its bundle and cache, made by one build, are always taken.
 */
export function chooseBuild(root, name) {
  const bundle = path.join(root, 'dist', 'bundle', `${name}.cjs`);
  const compiled = path.join(root, 'dist', 'src', 'cli', `${name}.js`);
  const checkout = existsSync(path.join(root, 'src', 'cli', `${name}.ts`));
  const bundled = mtime(bundle);
  if (bundled > 0 && (!checkout || bundled >= mtime(compiled))) {
    const cache = `${bundle}.cache`;
    const cached = mtime(cache);
    return { bundle, cache: cached > 0 && (!checkout || cached >= bundled) ? cache : undefined };
  }
  return mtime(compiled) > 0 ? { compiled } : undefined;
}

export async function launch(name) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const build = chooseBuild(root, name);
  if (!build) {
    process.stderr.write(`${name}: not built yet; run \`npm run build\` in the cnflint package first\n`);
    process.exit(2);
  }
  // Output piped into `head` and the like: stop quietly when the reader goes away.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  if (build.compiled) {
    const { main } = await import(new URL(`file://${build.compiled}`).href);
    process.exitCode = await main(process.argv.slice(2));
    return;
  }
  // `npm run build` runs each CLI once with this set, to save what that run compiled.
  const training = process.env.CNFLINT_WRITE_CODE_CACHE === '1';
  const { main, script } = loadBundle(build.bundle, training ? undefined : build.cache);
  process.exitCode = await main(process.argv.slice(2));
  if (training) {
    const tmp = `${build.bundle}.cache.${process.pid}`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, `${build.bundle}.cache`);
  }
}

/**
 * Compiles and runs a CommonJS bundle in this context, with the code cache `cacheFile`
 * when given. `script.cachedDataRejected` tells whether V8 took the cache.
 */
export function loadBundle(file, cacheFile) {
  // The bundles are ASCII (esbuild escapes what is not): read them as one-byte text, which
  // is a copy rather than a UTF-8 decode.
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cachedData = cacheFile ? readFileSync(cacheFile) : undefined;
  // (No dynamic import() in the bundles: scripts/bundle.mjs refuses them, as a script
  // compiled from a code cache gets no import callback on Node 20.)
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return { main: module.exports.main, script };
}
