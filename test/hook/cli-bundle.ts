// The cnflint CLI of the current sources as one runnable file, for tests that need a
// real process (a git hook, a language server spoken to over stdio). Bundled by esbuild
// from src/cli/cnflint.ts into a temporary directory: it does not depend on a fresh
// `npm run build`, and type errors elsewhere in a tree under construction do not stop it.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
export const PACKAGE_ROOT = path.resolve(path.dirname(require.resolve('../../package.json')));

let bundled: Promise<string> | undefined;
let bundleDir: string | undefined;

/** Path of a bundled cnflint CLI (`node <path> args…` runs it). */
export function cliBundle(): Promise<string> {
  bundled ??= (async () => {
    const { build } = require('esbuild') as typeof import('esbuild');
    const dir = (bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnflint-cli-')));
    const outfile = path.join(dir, 'cnflint.mjs');
    await build({
      stdin: {
        contents: "import { main } from './src/cli/cnflint.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n",
        resolveDir: PACKAGE_ROOT,
        sourcefile: 'cnflint-test-entry.ts',
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile,
      alias: { chevrotain: path.join(PACKAGE_ROOT, 'node_modules', 'chevrotain', 'lib', 'chevrotain.mjs') },
      external: ['prettier', 'prettier/*'],
      banner: { js: "import { createRequire as __cnflintRequire } from 'node:module'; const require = __cnflintRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    return outfile;
  })();
  return bundled;
}

/** Removes the bundle (call from afterAll). */
export function removeCliBundle(): void {
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
  bundleDir = undefined;
  bundled = undefined;
}
