// bin/launch.js: the CLIs run from a CommonJS bundle compiled with vm.Script and a V8
// code cache. A cache that does not fit (another Node.js, other flags, a damaged file)
// must only cost speed, never the run.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LAUNCH = path.join(REPO, 'bin/launch.js');

/** Runs `code` (an ES module) in a fresh node, returning its stdout lines. */
function node(code: string) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: REPO, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe('loadBundle', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnflint-launch-'));
    fs.writeFileSync(
      path.join(dir, 'cli.cjs'),
      "const path = require('node:path');\nexports.main = async (argv) => `${path.basename(__filename)} ${typeof module.exports} ${argv.join(',')}`;\n",
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (extra = '', withCache = true) =>
    node(`import { loadBundle } from ${JSON.stringify(LAUNCH)};
import * as fs from 'node:fs';
const file = ${JSON.stringify(path.join(dir, 'cli.cjs'))};
const { main, script } = loadBundle(file, ${withCache} && fs.existsSync(file + '.cache') ? file + '.cache' : undefined);
console.log(await main(['a', 'b']), script.cachedDataRejected);
${extra}`);

  test('runs a bundle without a cache (nothing to reject)', () => {
    expect(run()).toEqual({ status: 0, stdout: 'cli.cjs object a,b undefined', stderr: '' });
  });

  test('a cache made from a run is taken by the next run', () => {
    expect(run("fs.writeFileSync(file + '.cache', script.createCachedData());").status).toBe(0);
    expect(run().stdout).toBe('cli.cjs object a,b false');
  });

  test('a damaged cache is rejected and the bundle still runs', () => {
    fs.writeFileSync(path.join(dir, 'cli.cjs.cache'), Buffer.from('not a V8 code cache at all'));
    expect(run()).toEqual({ status: 0, stdout: 'cli.cjs object a,b true', stderr: '' });
  });
});

describe('chooseBuild', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnflint-choose-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Writes the files (relative paths), each with its modification time in seconds from now. */
  function files(times: Record<string, number>) {
    for (const [rel, seconds] of Object.entries(times)) {
      const file = path.join(root, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '');
      const t = new Date(Date.now() + seconds * 1000);
      fs.utimesSync(file, t, t);
    }
  }
  const choose = async () => {
    const { chooseBuild } = await import(LAUNCH);
    const got = chooseBuild(root, 'cnflint');
    return got && Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v === undefined ? v : path.relative(root, v as string)]));
  };

  test('a checkout: the bundle and its cache when they are newer than the tsc output', async () => {
    files({ 'src/cli/cnflint.ts': 0, 'dist/src/cli/cnflint.js': 0, 'dist/bundle/cnflint.cjs': 1, 'dist/bundle/cnflint.cjs.cache': 2 });
    expect(await choose()).toEqual({ bundle: 'dist/bundle/cnflint.cjs', cache: 'dist/bundle/cnflint.cjs.cache' });
  });

  test('a checkout: tsc run alone after the bundle (stale bundle) runs the tsc output', async () => {
    files({ 'src/cli/cnflint.ts': 0, 'dist/bundle/cnflint.cjs': 0, 'dist/bundle/cnflint.cjs.cache': 0, 'dist/src/cli/cnflint.js': 5 });
    expect(await choose()).toEqual({ compiled: 'dist/src/cli/cnflint.js' });
  });

  test('a checkout: a cache older than its bundle is not used', async () => {
    files({ 'src/cli/cnflint.ts': 0, 'dist/src/cli/cnflint.js': 0, 'dist/bundle/cnflint.cjs.cache': 1, 'dist/bundle/cnflint.cjs': 3 });
    expect(await choose()).toEqual({ bundle: 'dist/bundle/cnflint.cjs', cache: undefined });
  });

  test('an installed package (no src/): bundle and cache whatever order unpacking gave them', async () => {
    files({ 'dist/bundle/cnflint.cjs.cache': 0, 'dist/bundle/cnflint.cjs': 1, 'dist/src/cli/cnflint.js': 2 });
    expect(await choose()).toEqual({ bundle: 'dist/bundle/cnflint.cjs', cache: 'dist/bundle/cnflint.cjs.cache' });
  });

  test('no bundle: the tsc output; nothing built: undefined', async () => {
    files({ 'dist/src/cli/cnflint.js': 0 });
    expect(await choose()).toEqual({ compiled: 'dist/src/cli/cnflint.js' });
    fs.rmSync(path.join(root, 'dist'), { recursive: true });
    expect(await choose()).toBeUndefined();
  });
});

describe('the built bundles', () => {
  const built = ['cnflint', 'cnfmod', 'cnftest'].every((n) => fs.existsSync(path.join(REPO, `dist/bundle/${n}.cjs`)));
  if (!built) console.warn('bundle tests skipped: dist/bundle is missing (run `npm run build` first)');
  (built ? test : test.skip).each(['cnflint', 'cnfmod', 'cnftest'])('%s has a code cache that this Node.js takes', (name) => {
    const r = node(`import { loadBundle } from ${JSON.stringify(LAUNCH)};
const file = ${JSON.stringify(path.join(REPO, `dist/bundle/${name}.cjs`))};
const { main, script } = loadBundle(file, file + '.cache');
console.log(typeof main, script.cachedDataRejected);`);
    expect(r).toEqual({ status: 0, stdout: 'function false', stderr: '' });
  }, 60_000);

  (built ? test : test.skip).each(['cnflint', 'cnfmod', 'cnftest'])('%s bundle is ASCII, read as one-byte text', (name) => {
    const bytes = fs.readFileSync(path.join(REPO, `dist/bundle/${name}.cjs`));
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
  });

  (built ? test : test.skip)('the language server starts from the bundle and answers initialize', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['bin/cnflint.js', 'lsp', '--stdio'], { cwd: REPO });
    const send = (m: object) => {
      const body = JSON.stringify(m);
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const answered = new Promise<string>((resolve) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('"id":1')) resolve(out);
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    expect(await answered).toContain('"capabilities"');
    send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
    send({ jsonrpc: '2.0', method: 'exit' });
    expect(await exited).toBe(0);
    expect(err).toBe('');
  }, 60_000);

  (built ? test : test.skip)('finds the package from the bundle: explain prints a rule page, --version the version', () => {
    const explain = spawnSync(process.execPath, ['bin/cnflint.js', 'explain', 'line-length'], { cwd: REPO, encoding: 'utf8' });
    expect(explain.status).toBe(0);
    expect(explain.stdout).toBe(fs.readFileSync(path.join(REPO, 'docs/rules/line-length.md'), 'utf8'));
    const version = spawnSync(process.execPath, ['bin/cnftest.js', '--version'], { cwd: REPO, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  }, 60_000);
});
