// Bundles each CLI into one file (dist/bundle/<cli>.js) so that start-up reads one module
// instead of hundreds: chevrotain's package entry alone loads several hundred lodash-es
// files (about 0.4 s); its single-file build is taken instead. Prettier stays external
// and is loaded only when formatting.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const chevrotainDir = path.dirname(path.dirname(require.resolve('chevrotain')).replace(/[\\/]src$/, ''));
const chevrotainBundle = path.join(chevrotainDir, 'lib', 'chevrotain.mjs');

const entries = ['cnflint', 'cnfmod', 'cnftest'].filter((n) => fs.existsSync(`src/cli/${n}.ts`));
// Chunk names change with their content: start from an empty folder so old ones do not pile up.
fs.rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: Object.fromEntries(entries.map((n) => [n, `src/cli/${n}.ts`])),
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  alias: { chevrotain: chevrotainBundle },
  external: ['prettier', 'prettier/*'],
  // Some bundled CommonJS modules call require(); give them one in ESM output.
  banner: { js: "import { createRequire as __cnflintRequire } from 'node:module'; const require = __cnflintRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.log(`bundled ${entries.join(', ')} into dist/bundle/`);
