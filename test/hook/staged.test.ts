// `cnflint staged` in process: which directories and files it checks, from the index,
// the pre-commit framework's file list, notes, and --fix on the working tree.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/cnflint.js';
import type { CliIO } from '../../src/cli/io.js';
import { lintStaged } from '../../src/hook/staged.js';
import { PACKAGE_ROOT } from './cli-bundle.js';

const made: string[] = [];
const savedEnv: Record<string, string | undefined> = {};
beforeAll(() => {
  // The in-process git calls inherit the environment: no outer GIT_DIR / GIT_INDEX_FILE.
  for (const k of Object.keys(process.env)) if (k.startsWith('GIT_')) (savedEnv[k] = process.env[k]), delete process.env[k];
});
afterAll(() => {
  Object.assign(process.env, savedEnv);
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

const SIROE = path.join(PACKAGE_ROOT, 'examples', 'siroe');

function newRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnflint-staged-'));
  made.push(dir);
  for (const args of [['init', '-q'], ['config', 'user.name', 'T'], ['config', 'user.email', 't@example.com'], ['config', 'commit.gpgsign', 'false']])
    spawnSync('git', args, { cwd: dir });
  return dir;
}
const git = (repo: string, ...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
const write = (repo: string, rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  fs.writeFileSync(path.join(repo, rel), text);
};
const read = (repo: string, rel: string) => fs.readFileSync(path.join(repo, rel), 'utf8');

/** A repository with siroe committed at `mta/`. */
function siroeRepo(): string {
  const repo = newRepo();
  fs.cpSync(SIROE, path.join(repo, 'mta'), { recursive: true });
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'init');
  return repo;
}

async function staged(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, readStdin: async () => '', cwd, env: { NO_COLOR: '1' } };
  const code = await main(['staged', ...argv], io);
  return { code, stdout, stderr };
}

const messages = (report: ReturnType<typeof lintStaged>) => report.results.flatMap((r) => r.messages.map((m) => `${path.relative(report.top, r.filePath)}:${m.line} ${m.ruleId}`));

describe('lintStaged', () => {
  test('nothing staged: nothing checked, exit 0', async () => {
    const repo = siroeRepo();
    expect(lintStaged({ cwd: repo }).targets).toEqual([]);
    expect(await staged(repo)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('a staged change checks its whole configuration directory, from the index, also from a subdirectory', () => {
    const repo = siroeRepo();
    write(repo, 'mta/option.dat', `${read(repo, 'mta/option.dat')}! a comment\n`);
    git(repo, 'add', 'mta/option.dat');
    const report = lintStaged({ cwd: path.join(repo, 'mta') });
    expect(report.targets.map((t) => [t.kind, t.relPath])).toEqual([['directory', 'mta']]);
    expect(report.results.map((r) => r.relPath).sort()).toEqual(['dispatcher.cnf', 'imta.cnf', 'internet.rules', 'job_controller.cnf', 'mappings', 'option.dat']);
    expect(messages(report).filter((m) => !m.endsWith('unused-channel') && !m.endsWith('unused-pool'))).toEqual([]);
  });

  test('the included rule file is judged by its staged text too', () => {
    const repo = siroeRepo();
    const rules = read(repo, 'mta/internet.rules');
    const lines = rules.split('\n');
    lines.splice(2, 0, ''); // a blank line among the rules
    write(repo, 'mta/internet.rules', lines.join('\n'));
    git(repo, 'add', 'mta/internet.rules');
    write(repo, 'mta/internet.rules', rules); // working tree clean again
    const report = lintStaged({ cwd: repo });
    expect(messages(report)).toContain('mta/internet.rules:3 blank-line-in-rewrite-rules');
  });

  test('the pre-commit framework’s file list replaces `git diff --cached`; files outside any configuration directory are linted alone', async () => {
    const repo = siroeRepo();
    write(repo, 'snippets/partner.cnf', 'tcp_partner smtp mx singel_sys\ntcp_partner-daemon\n');
    git(repo, 'add', 'snippets/partner.cnf');
    const report = lintStaged({ cwd: repo, files: ['snippets/partner.cnf', 'README.md'] });
    expect(report.targets.map((t) => [t.kind, t.relPath])).toEqual([['file', 'snippets/partner.cnf']]);
    expect(messages(report)).toContain('snippets/partner.cnf:1 unknown-keyword');
    const r = await staged(repo, 'snippets/partner.cnf');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('singel_sys');
    expect(r.stderr).toContain('commit refused');
    // A file list naming only the (clean) configuration directory's files: exit 0.
    expect((await staged(repo, 'mta/imta.cnf')).code).toBe(0);
  });

  test('a file the commit will not contain is named in a note', async () => {
    const repo = siroeRepo();
    git(repo, 'rm', '-q', '--cached', 'mta/internet.rules');
    const r = await staged(repo);
    expect(r.stderr).toContain('mta/internet.rules is not in the index');
  });

  test('--fix writes fixes to the working tree when it matches the index, never to the index; exit 1 to re-stage', async () => {
    const repo = siroeRepo();
    const clean = read(repo, 'mta/imta.cnf');
    const broken = `${clean}! partner\ntcp_partner smtp mx single_sys pool SMTP_POOL\ntcp_partner-daemon\n`;
    write(repo, 'mta/imta.cnf', broken);
    git(repo, 'add', 'mta/imta.cnf');
    const r = await staged(repo, '--fix');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fixed in the working tree: mta/imta.cnf');
    const fixed = read(repo, 'mta/imta.cnf');
    expect(fixed).not.toBe(broken);
    expect(fixed).toBe(`${clean}\n! partner\ntcp_partner smtp mx single_sys pool SMTP_POOL\ntcp_partner-daemon\n`);
    expect(git(repo, 'show', ':mta/imta.cnf').stdout).toBe(broken);
    git(repo, 'add', 'mta/imta.cnf');
    expect((await staged(repo)).code).toBe(0);
  });

  test('--fix leaves a file with unstaged changes alone and says so', async () => {
    const repo = siroeRepo();
    const clean = read(repo, 'mta/imta.cnf');
    const broken = `${clean}tcp_partner smtp\ntcp_partner-daemon\n`;
    write(repo, 'mta/imta.cnf', broken);
    git(repo, 'add', 'mta/imta.cnf');
    write(repo, 'mta/imta.cnf', `${broken}! more\n`);
    const r = await staged(repo, '--fix');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not fixed: it has unstaged changes');
    expect(read(repo, 'mta/imta.cnf')).toBe(`${broken}! more\n`);
  });

  test('outside a repository: a one-line message, exit 2', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnflint-norepo-'));
    made.push(dir);
    const r = await staged(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cnflint: .* is not inside a git repository\n$/);
  });
});
