// End to end: a real git repository with a copy of examples/siroe, the hook installed by
// `cnflint install-hook`, and real `git commit`s that the hook lets through or refuses.
// The hook runs the CLI of the current sources (bundled, see cli-bundle.ts).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { jest } from '@jest/globals';
import { cliBundle, removeCliBundle, PACKAGE_ROOT } from './cli-bundle.js';

jest.setTimeout(120_000);

let cli: string;
let repo: string;
const made: string[] = [];

function sh(cmd: string, args: string[], cwd = repo) {
  const env = { ...process.env, NO_COLOR: '1' };
  // The outer repository's git variables must not leak into the test repository.
  for (const k of Object.keys(env)) if (k.startsWith('GIT_')) delete env[k];
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
const git = (...args: string[]) => sh('git', args);
const cnflint = (...args: string[]) => sh(process.execPath, [cli, ...args]);
const head = () => git('rev-parse', '--verify', '--quiet', 'HEAD').out.trim();
const write = (rel: string, text: string) => fs.writeFileSync(path.join(repo, rel), text);
const read = (rel: string) => fs.readFileSync(path.join(repo, rel), 'utf8');

function newRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnflint-hook-'));
  made.push(dir);
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('GIT_')) delete env[k];
  for (const args of [['init', '-q'], ['config', 'user.name', 'Test'], ['config', 'user.email', 'test@example.com'], ['config', 'commit.gpgsign', 'false']])
    spawnSync('git', args, { cwd: dir, env });
  return dir;
}

const SIROE = path.join(PACKAGE_ROOT, 'examples', 'siroe');
const IMTA = 'mta/imta.cnf';

// A channel appended at the end of the channel table, with and without its blank line.
const NEW_CHANNEL = '! tcp_partner: SMTP to a partner\ntcp_partner smtp mx single_sys pool SMTP_POOL\ntcp_partner-daemon\n';
const withoutBlank = (text: string) => `${text}${NEW_CHANNEL}`;
const withBlank = (text: string) => `${text}\n${NEW_CHANNEL}`;

beforeAll(async () => {
  cli = await cliBundle();
  repo = newRepo();
  fs.cpSync(SIROE, path.join(repo, 'mta'), { recursive: true });
  write('README.md', 'MTA configuration of mail.siroe.com\n');
  const r = cnflint('install-hook', '--command', `${process.execPath} ${cli}`);
  expect(r).toMatchObject({ status: 0 });
  // The first commit (no HEAD yet) goes through the hook too: the clean example passes.
  git('add', '.');
  const first = git('commit', '-q', '-m', 'siroe configuration');
  expect(first.out).toBe('');
  expect(first.status).toBe(0);
  expect(head()).not.toBe('');
});

afterAll(() => {
  removeCliBundle();
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

describe('the pre-commit hook', () => {
  test('the hook is a small executable sh script that runs `cnflint staged`', () => {
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    expect(fs.statSync(hook).mode & 0o111).not.toBe(0);
    const text = read('.git/hooks/pre-commit');
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    expect(text).toContain(`exec ${process.execPath} ${cli} staged\n`);
  });

  test('a commit that adds a channel without its blank line is refused, with the diagnostics; the fixed commit goes through', () => {
    const before = head();
    const clean = read(IMTA);
    write(IMTA, withoutBlank(clean));
    git('add', IMTA);
    const refused = git('commit', '-m', 'add tcp_partner');
    expect(refused.status).not.toBe(0);
    expect(refused.out).toContain('mta/imta.cnf');
    expect(refused.out).toMatch(/\d+:\d+ +error .*channel-block-separation/);
    expect(refused.out).toContain('commit refused');
    expect(head()).toBe(before);

    write(IMTA, withBlank(clean));
    git('add', IMTA);
    const ok = git('commit', '-m', 'add tcp_partner');
    expect(ok.status).toBe(0);
    expect(head()).not.toBe(before);
    expect(git('show', 'HEAD:mta/imta.cnf').out).toBe(withBlank(clean));
  });

  test('a partially staged file is judged by its staged content: bad in the index, fixed only in the working tree: refused', () => {
    const before = head();
    const clean = read(IMTA);
    write(IMTA, clean.replace('tcp_auth smtp mx single_sys mustsaslserver maytlsserver pool SMTP_POOL', 'tcp_auth smtp mx single_sys mustsaslserver maytlsserver pool SMPT_POOL'));
    git('add', IMTA);
    write(IMTA, clean); // the working tree is fine again, the index is not
    const r = git('commit', '-m', 'typo in the index');
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('SMPT_POOL');
    expect(r.out).toContain('undefined-pool');
    expect(head()).toBe(before);
    git('reset', '-q', '--', IMTA);
  });

  test('and vice versa: good in the index, broken only in the working tree: the commit goes through', () => {
    const before = head();
    const clean = read(IMTA);
    const commented = clean.replace('! hold: holds messages', '! hold: keeps messages');
    write(IMTA, commented);
    git('add', IMTA);
    write(IMTA, withoutBlank(commented)); // not staged
    const r = git('commit', '-m', 'comment');
    expect(r.status).toBe(0);
    expect(head()).not.toBe(before);
    expect(git('show', 'HEAD:mta/imta.cnf').out).toBe(commented);
    write(IMTA, commented);
  });

  test('the whole directory is checked from the index: a pool renamed in job_controller.cnf alone breaks imta.cnf', () => {
    const before = head();
    const jc = read('mta/job_controller.cnf');
    write('mta/job_controller.cnf', jc.replace('[POOL=SMTP_POOL]', '[POOL=SMTP]'));
    git('add', 'mta/job_controller.cnf');
    const r = git('commit', '-m', 'rename pool');
    expect(r.status).not.toBe(0);
    // Reported in imta.cnf, which has no staged change.
    expect(r.out).toMatch(/mta\/imta\.cnf\n[\s\S]*undefined-pool/);
    expect(head()).toBe(before);
    git('reset', '-q', '--', 'mta/job_controller.cnf');
    write('mta/job_controller.cnf', jc);
  });

  test('`git commit -a` is judged by what it commits (the temporary index the hook gets)', () => {
    const before = head();
    const clean = read(IMTA);
    write(IMTA, withoutBlank(clean));
    const r = git('commit', '-a', '-m', 'all');
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('channel-block-separation');
    expect(head()).toBe(before);
    write(IMTA, clean);
  });

  test('commits that touch no configuration file are not checked', () => {
    const before = head();
    write('README.md', 'MTA configuration of mail.siroe.com (production)\n');
    git('add', 'README.md');
    const r = git('commit', '-q', '-m', 'readme');
    expect(r).toEqual({ status: 0, out: '' });
    expect(head()).not.toBe(before);
  });

  test('a chained hook runs first, and its failure stops the commit before cnflint', () => {
    const hooks = path.join(repo, '.git', 'hooks');
    // Make the current hook "foreign" by replacing it, then chain.
    fs.renameSync(path.join(hooks, 'pre-commit'), path.join(hooks, 'ours'));
    fs.writeFileSync(path.join(hooks, 'pre-commit'), '#!/bin/sh\necho local hook ran >> "$(git rev-parse --show-toplevel)/local.log"\n[ ! -f "$(git rev-parse --show-toplevel)/STOP" ]\n', { mode: 0o755 });
    const refused = cnflint('install-hook');
    expect(refused.status).toBe(2);
    expect(refused.out).toContain('--chain');
    const chained = cnflint('install-hook', '--chain', '--command', `${process.execPath} ${cli}`);
    expect(chained.status).toBe(0);
    expect(fs.existsSync(path.join(hooks, 'pre-commit.local'))).toBe(true);
    fs.rmSync(path.join(hooks, 'ours'));

    write('README.md', 'chained\n');
    git('add', 'README.md');
    expect(git('commit', '-q', '-m', 'chained').status).toBe(0);
    expect(read('local.log')).toBe('local hook ran\n');

    write('STOP', '');
    write('README.md', 'stopped\n');
    git('add', 'README.md');
    const before = head();
    expect(git('commit', '-q', '-m', 'stopped').status).not.toBe(0);
    expect(head()).toBe(before);
    fs.rmSync(path.join(repo, 'STOP'));
    git('reset', '-q');
  });
});
