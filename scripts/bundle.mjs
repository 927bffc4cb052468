// Bundles each CLI into one file (dist/bundle/<cli>.cjs) so that start-up reads one file
// instead of hundreds: chevrotain's package entry alone loads several hundred lodash-es
// files (about 0.4 s); its single-file build is taken instead. Prettier stays external
// and is loaded only when formatting. Each bundle gets a V8 code cache (see the end).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const chevrotainDir = path.dirname(path.dirname(require.resolve('chevrotain')).replace(/[\\/]src$/, ''));
const chevrotainBundle = path.join(chevrotainDir, 'lib', 'chevrotain.mjs');

/**
 * yargs (and its cliui and wrap-ansi) import string-width, whose module body builds an
 * Intl.Segmenter and compiles Unicode-property regular expressions (\p{RGI_Emoji}):
 * about 25 ms of every start-up, although widths are only measured to lay out --help.
 * Each `import stringWidth from 'string-width'` gets a stand-in that loads the real
 * module (bundled as usual, initialised lazily by esbuild) on its first call.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await b.resolve('string-width', { resolveDir: args.resolveDir, kind: args.kind, pluginData: { real: true } });
      if (real.errors.length) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: `let real;\nexport default function stringWidth(text, options) {\n  real ??= require(${JSON.stringify(args.path)}).default;\n  return real(text, options);\n}\n`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

const entries = ['cnflint', 'cnfmod', 'cnftest'].filter((n) => fs.existsSync(`src/cli/${n}.ts`));
// Old bundles (and chunk files of earlier layouts) must not be picked up by the launcher.
fs.rmSync('dist/bundle', { recursive: true, force: true });

// CommonJS, one self-contained file per CLI: bin/launch.js compiles it with vm.Script,
// which can take a V8 code cache (below); an ES module cannot on Node 20.
await build({
  entryPoints: Object.fromEntries(entries.map((n) => [n, `src/cli/${n}.ts`])),
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  alias: { chevrotain: chevrotainBundle },
  external: ['prettier', 'prettier/*'],
  // The sources find the package (docs, package.json) from their own URL.
  define: { 'import.meta.url': '__cnflintModuleUrl' },
  banner: { js: "const __cnflintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyStringWidth],
  logLevel: 'warning',
});

// Each bundle is read once for two checks:
// - bin/launch.js reads an ASCII bundle as one-byte text (a copy, not a UTF-8 decode).
//   esbuild escapes strings, not the comments it keeps: spell their other characters as
//   escapes, where it changes nothing.
// - A dynamic import() left in a bundle (of a package kept external) fails at run time: a
//   script compiled with a code cache has no dynamic-import callback on Node 20, whatever
//   vm.Script is given. Bundled modules are required instead, so none may be left.
for (const name of entries) {
  const file = `dist/bundle/${name}.cjs`;
  const code = fs.readFileSync(file, 'utf8');
  const at = code.search(/(?<![\w$.])import\(/);
  if (at >= 0) {
    const line = code.slice(0, at).split('\n').length;
    console.error(`bundle: ${file}:${line} keeps a dynamic import(); bundle that module (or require it) instead`);
    process.exit(1);
  }
  const ascii = code.replace(/^([ \t]*\/\/.*)$/gm, (line) => line.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  if (ascii !== code) fs.writeFileSync(file, ascii);
}

/**
 * V8 code caches: each CLI is run once on the shipped examples and its compiled bytecode
 * (the bundle's top level and every function that run called) saved beside it as
 * <cli>.cjs.cache. bin/launch.js hands it to V8, which skips parsing and compiling what
 * the cache holds; V8 itself rejects a cache made by another Node.js version or with
 * other V8 flags, and the bundle then compiles as usual.
 */
const training = {
  cnflint: ['examples/broken', '--no-color'],
  cnfmod: ['add-channel', '--domain', 'cache-training.example', '--dir', 'examples/siroe'],
  cnftest: ['routes', 'examples/siroe/routes.txt', '--config', 'examples/siroe'],
};
for (const name of entries) {
  const args = training[name] ?? ['--help'];
  const r = spawnSync(process.execPath, [`bin/${name}.js`, ...args], {
    env: { ...process.env, CNFLINT_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (!fs.existsSync(`dist/bundle/${name}.cjs.cache`)) {
    console.error(`bundle: no code cache for ${name} (exit ${r.status}): ${r.stderr.trim().split('\n')[0] ?? ''}; it starts without one`);
  }
}
console.log(`bundled ${entries.join(', ')} into dist/bundle/ (with V8 code caches)`);
