// `cnflint install-hook`: where the hook goes, what it keeps, what it refuses. Run in
// process through the CLI's main().
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/cnflint.js';
import type { CliIO } from '../../src/cli/io.js';
import { HOOK_MARKER, defaultCommand, hookScript, installHook, shellQuote } from '../../src/hook/install.js';
import { PACKAGE_ROOT } from './cli-bundle.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

function cleanEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('GIT_')) delete env[k];
  return env;
}

function newRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnflint-install-'));
  made.push(dir);
  spawnSync('git', ['init', '-q'], { cwd: dir, env: cleanEnv() });
  return dir;
}

async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: async () => '',
    cwd,
    env: {},
  };
  const code = await main(['install-hook', ...argv], io);
  return { code, stdout, stderr };
}

const CMD = ['--command', 'node /opt/cnflint/bin/cnflint.js'];

describe('install-hook', () => {
  test('writes an executable hook into .git/hooks that runs the command with `staged`', async () => {
    const repo = newRepo();
    const r = await cli(repo, ...CMD);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    expect(r.stdout).toContain(`installed ${hook}`);
    expect(fs.statSync(hook).mode & 0o777).toBe(0o755);
    const text = fs.readFileSync(hook, 'utf8');
    expect(text).toContain(HOOK_MARKER);
    expect(text.trimEnd().split('\n').pop()).toBe('exec node /opt/cnflint/bin/cnflint.js staged');
  });

  test('from a subdirectory, and with --repo', async () => {
    const repo = newRepo();
    fs.mkdirSync(path.join(repo, 'mta', 'config'), { recursive: true });
    expect((await cli(path.join(repo, 'mta', 'config'), ...CMD)).code).toBe(0);
    expect(fs.existsSync(path.join(repo, '.git', 'hooks', 'pre-commit'))).toBe(true);
    const other = newRepo();
    expect((await cli(repo, '--repo', other, ...CMD)).code).toBe(0);
    expect(fs.existsSync(path.join(other, '.git', 'hooks', 'pre-commit'))).toBe(true);
  });

  test('a second install is idempotent; a new --command updates the hook; no --command keeps the one installed', async () => {
    const repo = newRepo();
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    await cli(repo, ...CMD);
    const first = fs.readFileSync(hook, 'utf8');
    const again = await cli(repo, ...CMD);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already installed and up to date');
    expect(fs.readFileSync(hook, 'utf8')).toBe(first);
    const keep = await cli(repo);
    expect(keep.stdout).toContain('already installed and up to date');
    const updated = await cli(repo, '--command', 'npx --no-install cnflint');
    expect(updated.stdout).toContain(`updated ${hook}`);
    expect(fs.readFileSync(hook, 'utf8')).toContain('exec npx --no-install cnflint staged');
    expect(fs.readdirSync(path.dirname(hook)).filter((f) => f.startsWith('pre-commit') && !f.endsWith('.sample'))).toEqual(['pre-commit']);
  });

  test('respects core.hooksPath (relative to the top of the working tree), creating the directory', async () => {
    const repo = newRepo();
    spawnSync('git', ['config', 'core.hooksPath', 'tools/hooks'], { cwd: repo, env: cleanEnv() });
    fs.mkdirSync(path.join(repo, 'sub'));
    expect((await cli(path.join(repo, 'sub'), ...CMD)).code).toBe(0);
    expect(fs.existsSync(path.join(repo, 'tools', 'hooks', 'pre-commit'))).toBe(true);
    expect(fs.existsSync(path.join(repo, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });

  test('refuses to overwrite a hook it did not write (exit 2), and leaves it alone', async () => {
    const repo = newRepo();
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\nexec make check\n', { mode: 0o755 });
    const r = await cli(repo, ...CMD);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('was not written by cnflint');
    expect(r.stderr).toContain('--chain');
    expect(r.stderr).toContain('--force');
    expect(fs.readFileSync(hook, 'utf8')).toBe('#!/bin/sh\nexec make check\n');
  });

  test('--chain moves the existing hook to pre-commit.local (run first); --uninstall puts it back', async () => {
    const repo = newRepo();
    const hooks = path.join(repo, '.git', 'hooks');
    fs.writeFileSync(path.join(hooks, 'pre-commit'), '#!/bin/sh\nexec make check\n', { mode: 0o755 });
    const r = await cli(repo, '--chain', ...CMD);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pre-commit.local and runs first');
    expect(fs.readFileSync(path.join(hooks, 'pre-commit.local'), 'utf8')).toBe('#!/bin/sh\nexec make check\n');
    expect(fs.readFileSync(path.join(hooks, 'pre-commit'), 'utf8')).toContain('pre-commit.local');
    // Chaining again finds our hook: nothing moves.
    expect((await cli(repo, '--chain', ...CMD)).stdout).toContain('up to date');
    const u = await cli(repo, '--uninstall');
    expect(u.code).toBe(0);
    expect(fs.readFileSync(path.join(hooks, 'pre-commit'), 'utf8')).toBe('#!/bin/sh\nexec make check\n');
    expect(fs.existsSync(path.join(hooks, 'pre-commit.local'))).toBe(false);
  });

  test('--chain refuses when pre-commit.local is taken too', async () => {
    const repo = newRepo();
    const hooks = path.join(repo, '.git', 'hooks');
    fs.writeFileSync(path.join(hooks, 'pre-commit'), '#!/bin/sh\ntrue\n', { mode: 0o755 });
    fs.writeFileSync(path.join(hooks, 'pre-commit.local'), '#!/bin/sh\ntrue\n', { mode: 0o755 });
    const r = await cli(repo, '--chain', ...CMD);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('merge them');
  });

  test('--force replaces a foreign hook, keeping a backup copy', async () => {
    const repo = newRepo();
    const hooks = path.join(repo, '.git', 'hooks');
    fs.writeFileSync(path.join(hooks, 'pre-commit'), '#!/bin/sh\nexec make check\n', { mode: 0o755 });
    const r = await cli(repo, '--force', ...CMD);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(hooks, 'pre-commit.backup'), 'utf8')).toBe('#!/bin/sh\nexec make check\n');
    expect(fs.readFileSync(path.join(hooks, 'pre-commit'), 'utf8')).toContain(HOOK_MARKER);
    expect((await cli(repo, '--force', '--chain'))).toMatchObject({ code: 2, stderr: expect.stringContaining('exclude each other') });
  });

  test('an update makes the hook executable again, and goes through the atomic writer', async () => {
    const repo = newRepo();
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    await cli(repo, ...CMD);
    fs.chmodSync(hook, 0o644);
    const r = await cli(repo, '--command', 'npx --no-install cnflint');
    expect(r).toMatchObject({ code: 0, stdout: expect.stringContaining(`updated ${hook}`) });
    expect(fs.statSync(hook).mode & 0o777).toBe(0o755);
    expect(fs.readdirSync(path.dirname(hook)).filter((f) => f.includes('cnflint-'))).toEqual([]);
  });

  test('when the new hook cannot be written, --chain changes nothing: the old hook stays, no pre-commit.local', async () => {
    const repo = newRepo();
    const hooks = path.join(repo, '.git', 'hooks');
    const hook = path.join(hooks, 'pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\nexec make check\n', { mode: 0o755 });
    // The writer's temporary name is taken (by a directory): its staging step fails.
    fs.mkdirSync(path.join(hooks, `.pre-commit.cnflint-${process.pid}-0.tmp`));
    const r = await cli(repo, '--chain', ...CMD);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing was changed');
    expect(fs.readFileSync(hook, 'utf8')).toBe('#!/bin/sh\nexec make check\n');
    expect(fs.existsSync(path.join(hooks, 'pre-commit.local'))).toBe(false);
  });

  test('--uninstall leaves a foreign hook alone', async () => {
    const repo = newRepo();
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\ntrue\n', { mode: 0o755 });
    const r = await cli(repo, '--uninstall');
    expect(r.code).toBe(2);
    expect(fs.readFileSync(hook, 'utf8')).toBe('#!/bin/sh\ntrue\n');
    fs.rmSync(hook);
    expect((await cli(repo, '--uninstall')).stdout).toContain('nothing to remove');
  });

  test('husky-managed hooks are refused with the line to add instead', async () => {
    const repo = newRepo();
    spawnSync('git', ['config', 'core.hooksPath', '.husky/_'], { cwd: repo, env: cleanEnv() });
    const r = await cli(repo, ...CMD);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.husky/pre-commit');
    expect(r.stderr).toContain('cnflint staged');
    expect(fs.existsSync(path.join(repo, '.husky'))).toBe(false);
  });

  test('outside a git repository: a one-line message, exit 2', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnflint-norepo-'));
    made.push(dir);
    const r = await cli(dir, ...CMD);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cnflint install-hook: .* is not inside a git repository\n$/);
  });

  test('the default command is this node running this package’s bin/cnflint.js', () => {
    expect(defaultCommand()).toBe(`${shellQuote(process.execPath)} ${shellQuote(path.join(PACKAGE_ROOT, 'bin', 'cnflint.js'))}`);
    expect(fs.existsSync(path.join(PACKAGE_ROOT, 'bin', 'cnflint.js'))).toBe(true);
    const repo = newRepo();
    expect(installHook({ repo }).command).toBe(defaultCommand());
  });

  test('paths are quoted for sh', () => {
    expect(shellQuote('/usr/bin/node')).toBe('/usr/bin/node');
    expect(shellQuote("/opt/my tools/it's")).toBe(`'/opt/my tools/it'\\''s'`);
    const r = spawnSync('sh', ['-c', `printf %s ${shellQuote("/opt/my tools/it's $HOME")}`], { encoding: 'utf8' });
    expect(r.stdout).toBe("/opt/my tools/it's $HOME");
    expect(hookScript('x').startsWith('#!/bin/sh\n')).toBe(true);
  });
});
