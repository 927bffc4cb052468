// The cnflint CLI end to end, in process: main(argv, io) with captured output.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main, type CliIO } from '../../src/cli/cnflint.js';
import type { Rule } from '../../src/lint/types.js';
import { FAKE_RULES } from '../lint/fake-rules.js';
import { cleanupTmp, read, tmpDir } from '../lint/tmp.js';

afterAll(cleanupTmp);

const REPO = process.cwd();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], opts: { cwd?: string; stdin?: string; env?: Record<string, string>; tty?: boolean; rules?: Rule[] | null } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    readStdin: async () => opts.stdin ?? '',
    cwd: opts.cwd ?? REPO,
    env: opts.env ?? {},
  };
  const code = await main(argv, io, opts.rules === null ? {} : { rules: opts.rules ?? FAKE_RULES });
  return { code, stdout, stderr };
}

describe('exit codes', () => {
  test('0 for a clean directory (the current directory when no path is given)', async () => {
    const dir = tmpDir({ 'imta.cnf': 'a $U@b\n' });
    expect(await cli([], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('1 with errors; 0 with warnings only; info never counts', async () => {
    expect((await cli([tmpDir({ 'imta.cnf': 'AA $U@b\n' })])).code).toBe(1);
    expect((await cli([tmpDir({ 'imta.cnf': 'FOO $U@b\n' })])).code).toBe(0);
    const info = await cli([tmpDir({ 'imta.cnf': 'OPT $U@b\n' }), '--max-warnings', '0']);
    expect(info.code).toBe(0);
    expect(info.stdout).toContain('1 info message');
  });

  test('--max-warnings', async () => {
    const dir = tmpDir({ 'imta.cnf': 'FOO $U@b\nFOO $U@c\n' });
    expect((await cli([dir, '--max-warnings', '2'])).code).toBe(0);
    const over = await cli([dir, '--max-warnings', '1']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('cnflint found too many warnings (maximum: 1).\n');
    expect((await cli([dir, '--max-warnings', 'x'])).code).toBe(2);
  });

  test('--quiet reports errors only, and warnings no longer count', async () => {
    const dir = tmpDir({ 'imta.cnf': 'FOO $U@b\n' });
    expect(await cli([dir, '--quiet', '--max-warnings', '0'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    const both = await cli([tmpDir({ 'imta.cnf': 'FOO AA $U@b\n' }), '--quiet', '--format', 'compact']);
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/^[^\n]*: line 1, col 5, Error - run of 2 \(shrink\)\n\n1 problem\n$/);
  });

  test('2 with one line for a directory without imta.cnf', async () => {
    const dir = tmpDir({ 'job_controller.cnf': '' });
    const r = await cli([dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`cnflint: no imta.cnf in '${dir}': pass the MTA configuration directory (msg-svr-base/config) or name the files to check\n`);
  });

  test('2 for a path that does not exist, an unknown option, an unknown format', async () => {
    expect(await cli(['/nonexistent/cnflint'])).toEqual({ code: 2, stdout: '', stderr: "cnflint: '/nonexistent/cnflint' does not exist; pass an MTA configuration directory or configuration files\n" });
    expect(await cli(['--bogus'])).toMatchObject({ code: 2, stderr: 'cnflint: Unknown argument: bogus\n' });
    expect((await cli(['--format', 'xml'])).code).toBe(2);
  });

  test('2 for options that do not go together', async () => {
    const dir = tmpDir({ 'imta.cnf': 'a $U@b\n' });
    expect(await cli([dir, '--stdin-filename', 'imta.cnf'])).toEqual({ code: 2, stdout: '', stderr: 'cnflint: --stdin-filename needs --stdin\n' });
    expect(await cli([dir, '--fix', '--fix-dry-run'])).toEqual({ code: 2, stdout: '', stderr: 'cnflint: --fix and --fix-dry-run exclude each other\n' });
    expect(await cli(['--stdin', '--fix'], { stdin: 'a $U@b\n' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cnflint: --fix cannot write to standard input; use --fix-dry-run to see the changes as a diff\n',
    });
  });

  test('2 for a bad configuration file, naming it', async () => {
    const dir = tmpDir({ 'imta.cnf': 'a $U@b\n', 'cnflint.config.json': '{"rules": {"no-fooo": "warn"}}' });
    const r = await cli([dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cnflint: ${path.join(dir, 'cnflint.config.json')}: rules: unknown rule 'no-fooo' (did you mean 'no-foo'?); 'cnflint --list-rules' lists them\n`);
  });

  test('2 with one line and no stack trace for an internal error; --debug shows the stack', async () => {
    const dir = tmpDir({ 'imta.cnf': 'CRASH $U@b\n' });
    const r = await cli([dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cnflint: internal error: rule 'crashy' failed on ${dir}: boom (--debug shows the stack trace)\n`);
    const d = await cli([dir, '--debug']);
    expect(d.stderr.split('\n').length).toBeGreaterThan(3);
    expect(d.stderr).toMatch(/at /);
  });
});

describe('options', () => {
  test('--rule sets severities; unknown ids are usage errors', async () => {
    const dir = tmpDir({ 'imta.cnf': 'FOO $U@b\n' });
    expect((await cli([dir, '--rule', 'no-foo:error'])).code).toBe(1);
    expect((await cli([dir, '--rule', 'no-foo:error', '--rule', 'no-foo:off'])).stdout).toBe('');
    const bad = await cli([dir, '--rule', 'no-fo:off']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown rule 'no-fo' (did you mean 'no-foo'?)");
  });

  test('--root reads absolute include paths from a copy of the server', async () => {
    const dir = tmpDir({ 'imta.cnf': '</opt/msg/config/more.rules\na $U@b\n', 'srv/opt/msg/config/more.rules': 'FOO $U@b\n' });
    const without = await cli([dir, '--rule', 'no-foo:error', '-f', 'compact']);
    expect(without.stdout).not.toContain(path.join(dir, 'srv'));
    const withRoot = await cli([dir, '--rule', 'no-foo:error', '--root', path.join(dir, 'srv'), '-f', 'compact']);
    expect(withRoot.code).toBe(1);
    expect(withRoot.stdout).toContain(`${path.join(dir, 'srv/opt/msg/config/more.rules')}: line 1, col 1, Error`);
  });

  test('--config and --no-config', async () => {
    const dir = tmpDir({ 'imta.cnf': 'FOO $U@b\n', 'cnflint.config.json': '{"rules": {"no-foo": "error"}}', 'quiet.json': '{"rules": {"no-foo": "off"}}' });
    expect((await cli([dir])).code).toBe(1);
    expect((await cli([dir, '--config', path.join(dir, 'quiet.json')])).stdout).toBe('');
    expect((await cli([dir, '--no-config'])).code).toBe(0);
    expect((await cli([dir, '--no-config'])).stdout).toContain('no-foo');
  });

  test('single files, --kind and --fragment', async () => {
    const dir = tmpDir({ 'frag.txt': 'tcp_x smtp FOO\nx-daemon\n' });
    expect((await cli([path.join(dir, 'frag.txt')])).stderr).toMatch(/pass --kind/);
    const r = await cli([path.join(dir, 'frag.txt'), '--kind', 'imta.cnf', '--fragment', 'channels', '--format', 'compact']);
    expect(r.stdout).toBe(`${path.join(dir, 'frag.txt')}: line 1, col 12, Warning - FOO is shouting (no-foo)\n\n1 problem\n`);
  });

  test('--stdin with --stdin-filename', async () => {
    const r = await cli(['--stdin', '--stdin-filename', 'sub/imta.cnf', '--format', 'compact'], { stdin: 'FOO $U@b\n', cwd: '/work' });
    expect(r.stdout).toBe('/work/sub/imta.cnf: line 1, col 1, Warning - FOO is shouting (no-foo)\n\n1 problem\n');
    expect((await cli(['--stdin', '--fix'])).code).toBe(2);
  });

  test('--output-file writes the report there', async () => {
    const dir = tmpDir({ 'imta.cnf': 'FOO $U@b\n' });
    const r = await cli([dir, '-f', 'json', '-o', path.join(dir, 'out/report.json')]);
    expect(r.stdout).toBe('');
    expect(JSON.parse(read(dir, 'out/report.json'))[0].messages[0].ruleId).toBe('no-foo');
  });

  test('colour on a TTY only, never with NO_COLOR or --no-color', async () => {
    const dir = tmpDir({ 'imta.cnf': 'FOO $U@b\n' });
    expect((await cli([dir], { tty: true })).stdout).toContain('\u001b[');
    expect((await cli([dir], { tty: false })).stdout).not.toContain('\u001b[');
    expect((await cli([dir], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await cli([dir, '--no-color'], { tty: true })).stdout).not.toContain('\u001b[');
  });

  test('--version, --help, --list-rules', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fix-dry-run');
    expect(help.stdout).toContain('cnflint explain <id>');
    const list = await cli(['--list-rules']);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^rule\s+severity\s+fixable\s+description$/);
    expect(list.stdout).toMatch(/\nsyntax\s+error\s+no\s+Problems found while reading/);
    expect(list.stdout).toMatch(/\nunused-disable\s+warning\s+yes\s+A cnflint-disable directive/);
  });

  test('lint options belong to linting: staged takes them, explain, install-hook and lsp do not', async () => {
    for (const [args, lint] of [
      [['staged', '--help'], true],
      [['explain', '--help'], false],
      [['install-hook', '--help'], false],
      [['lsp', '--help'], false],
    ] as const) {
      const help = await cli([...args]);
      expect(help.code).toBe(0);
      for (const option of ['--format', '--max-warnings', '--fix', '--rule']) expect([args[0], option, help.stdout.includes(option)]).toEqual([args[0], option, lint]);
      expect(help.stdout).toContain('--debug');
    }
    expect((await cli(['install-hook', '--help'])).stdout).toContain('--uninstall');
    expect(await cli(['explain', 'unused-disable', '--fix'], { rules: null })).toEqual({ code: 2, stdout: '', stderr: 'cnflint: Unknown argument: fix\n' });
  });

  test('TIMING=all adds a table of every rule and the reading of the files on stderr; the report is unchanged', async () => {
    const plain = await cli(['examples/broken', '--format', 'json'], { rules: null });
    const timed = await cli(['examples/broken', '--format', 'json'], { rules: null, env: { TIMING: 'all' } });
    expect([timed.code, timed.stdout.replace(/"[^"]*examples/g, '"examples')]).toEqual([plain.code, plain.stdout.replace(/"[^"]*examples/g, '"examples')]);
    const rows = timed.stderr.trimEnd().split('\n');
    expect(rows.slice(0, 2).map((r) => r.replace(/ +/g, ' ').replace(/-+/g, '-'))).toEqual(['Rule | Time (ms) | Relative', ':-|-:|-:']);
    const ids = rows.slice(2).map((r) => r.split(' | ')[0].trim());
    expect(ids).toContain('(parse + model)');
    expect(ids).toContain('unknown-routing-host');
    expect(ids.length).toBeGreaterThan(30);
    for (const r of rows.slice(2)) expect(r).toMatch(/ \| +\d+\.\d{3} \| +\d+\.\d%$/);
    expect((await cli(['examples/siroe'], { rules: null, env: { TIMING: '3' } })).stderr.trimEnd().split('\n')).toHaveLength(5);
  });

  test('explain prints the doc page; an unknown id is exit 2 with a suggestion', async () => {
    const ok = await cli(['explain', 'unused-disable'], { rules: null });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(fs.readFileSync(path.join(REPO, 'docs/rules/unused-disable.md'), 'utf8'));
    const bad = await cli(['explain', 'unused-disabel'], { rules: null });
    expect(bad).toEqual({ code: 2, stdout: '', stderr: "cnflint: unknown rule 'unused-disabel'; did you mean 'unused-disable'? ('cnflint --list-rules' lists them)\n" });
  });
});

describe('fixing', () => {
  test('--fix writes the fixed files and reports what is left', async () => {
    const dir = tmpDir({ 'imta.cnf': 'FOO AAA $U@b\nOPT $U@c\n' });
    const r = await cli([dir, '--fix', '--format', 'compact']);
    expect(read(dir, 'imta.cnf')).toBe('foo A $U@b\nOPT $U@c\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${path.join(dir, 'imta.cnf')}: line 2, col 1, Info - {"level":1,"keep":true} (opt-echo)\n\n1 info message\n`);
  });

  test('--fix with --quiet fixes errors only', async () => {
    const dir = tmpDir({ 'imta.cnf': 'FOO AAA $U@b\n' });
    await cli([dir, '--fix', '--quiet']);
    expect(read(dir, 'imta.cnf')).toBe('FOO A $U@b\n');
  });

  test('--fix-dry-run prints a unified diff with a/ and b/ paths, writes nothing, reports on stderr', async () => {
    const dir = tmpDir({ 'imta.cnf': 'x $U@a\nFOO $U@b\n', 'internet.rules': 'AA $U@c\n' });
    fs.appendFileSync(path.join(dir, 'imta.cnf'), '<IMTA_TABLE:internet.rules\n');
    const r = await cli([dir, '--fix-dry-run', '--format', 'compact', '--rule', 'opt-echo:off']);
    expect(r.stdout).toBe(
      [
        '--- a/imta.cnf',
        '+++ b/imta.cnf',
        '@@ -1,3 +1,3 @@',
        ' x $U@a',
        '-FOO $U@b',
        '+foo $U@b',
        ' <IMTA_TABLE:internet.rules',
        '--- a/internet.rules',
        '+++ b/internet.rules',
        '@@ -1,1 +1,1 @@',
        '-AA $U@c',
        '+A $U@c',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(dir, 'imta.cnf')).toBe('x $U@a\nFOO $U@b\n<IMTA_TABLE:internet.rules\n');
    expect(read(dir, 'internet.rules')).toBe('AA $U@c\n');
  });
});

describe('the real rule catalogue', () => {
  test('examples/siroe lints clean', async () => {
    expect(await cli(['examples/siroe'], { rules: null })).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('bin/cnflint.js', () => {
  const built = fs.existsSync(path.join(REPO, 'dist/src/cli/cnflint.js'));
  if (!built) console.warn('bin/cnflint.js spawn test skipped: dist/ is missing (run `npm run build` first)');
  (built ? test : test.skip)('runs the built CLI: clean example exits 0, broken example exits 1 with stylish output', () => {
    const ok = spawnSync(process.execPath, ['bin/cnflint.js', 'examples/siroe'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect([ok.status, ok.stdout, ok.stderr]).toEqual([0, '', '']);
    const bad = spawnSync(process.execPath, ['bin/cnflint.js', 'examples/broken', '--no-color'], { cwd: REPO, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^\nexamples\/broken\/imta\.cnf\n/);
    expect(bad.stdout).toMatch(/\u2716 \d+ problems? \(\d+ errors?, \d+ warnings?\)/);
  }, 60_000);
});
