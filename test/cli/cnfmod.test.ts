import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/cnfmod.js';
import { snapshot, tempCopy } from '../codemod/helpers.js';

async function cli(args: string[], cwd?: string) {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    readStdin: async () => '',
    cwd: cwd ?? process.cwd(),
    env: {},
  });
  return { code, out, err };
}

let dir: string;
beforeEach(() => {
  dir = tempCopy();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cnfmod add-channel', () => {
  test('dry run by default: the diff, what it does, what remains to do; nothing written', async () => {
    const before = snapshot(dir);
    const r = await cli(['add-channel', '--domain', 'sesta.com', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('cnfmod add-channel:\n  add channel tcp_sesta (keywords of tcp_local, pool SMTP_SESTA, official host tcp_sesta-daemon) after tcp_local in imta.cnf\n');
    expect(r.out).toContain('--- a/imta.cnf\n+++ b/imta.cnf\n');
    expect(r.out).toContain('--- a/job_controller.cnf\n+++ b/job_controller.cnf\n');
    expect(r.out).toContain('+[POOL=SMTP_SESTA]\n');
    expect(r.out).toContain('Dry run: nothing was written. Run the same command with --write to apply it.\nThen, on the server:\n  imsimta cnbuild\n  imsimta restart\n');
    expect(snapshot(dir)).toEqual(before);
  });

  test('--write applies it; the same command again changes nothing and says so', async () => {
    const w = await cli(['add-channel', '--domain', 'sesta.com', '--dir', dir, '--write']);
    expect(w.code).toBe(0);
    expect(w.out).toContain('Written: imta.cnf, job_controller.cnf\n');
    expect(fs.readFileSync(path.join(dir, 'imta.cnf'), 'utf8')).toContain('\ntcp_sesta smtp mx single_sys');
    const after = snapshot(dir);
    const again = await cli(['add-channel', '--domain', 'sesta.com', '--dir', dir, '--write']);
    expect(again.code).toBe(0);
    expect(again.out).toBe('cnfmod add-channel: sesta.com is already routed to channel tcp_sesta (pool SMTP_SESTA); nothing to do\n');
    expect(snapshot(dir)).toEqual(after);
  });

  test('--write --backup keeps .orig copies', async () => {
    const before = snapshot(dir);
    expect((await cli(['add-channel', '--domain', 'sesta.com', '--dir', dir, '--write', '--backup'])).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'imta.cnf.orig'))).toEqual(before.get('imta.cnf'));
    expect(fs.readFileSync(path.join(dir, 'job_controller.cnf.orig'))).toEqual(before.get('job_controller.cnf'));
    expect(fs.existsSync(path.join(dir, 'dispatcher.cnf.orig'))).toBe(false);
  });

  test('--json prints the plan: files with hunks, messages, next steps', async () => {
    const r = await cli(['add-channel', '--domain', 'sesta.com', '--dir', dir, '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.out);
    expect(plan).toMatchObject({ command: 'add-channel', dir, status: 'planned', exitCode: 0, nextSteps: ['imsimta cnbuild', 'imsimta restart'], newErrors: [] });
    expect(plan.files.map((f: { path: string }) => f.path)).toEqual(['imta.cnf', 'job_controller.cnf']);
    expect(plan.files[1].hunks).toEqual([
      {
        oldStart: 24,
        oldLines: 8,
        newStart: 24,
        newLines: 11,
        lines: [' !', ' [POOL=SMTP_POOL]', ' job_limit=10', ' !', '+[POOL=SMTP_SESTA]', '+job_limit=10', '+!', ' ! Channel definitions', ' !', ' !', ' [CHANNEL=l]'],
      },
    ]);
  });

  test('a refusal: exit 1, the reason on stderr, nothing written', async () => {
    const before = snapshot(dir);
    const r = await cli(['add-channel', '--domain', 'siroe.com', '--dir', dir, '--write']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^cnfmod add-channel: refused: siroe\.com already routes elsewhere: imta\.cnf:13:1 /);
    expect(snapshot(dir)).toEqual(before);
    const json = await cli(['add-channel', '--domain', 'siroe.com', '--dir', dir, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ status: 'refused', reason: expect.stringMatching(/already routes elsewhere/) });
  });

  test('an edit that would add a lint error: exit 1, the errors with file:line:col, nothing written', async () => {
    const imta = path.join(dir, 'imta.cnf');
    fs.writeFileSync(imta, fs.readFileSync(imta, 'utf8').replace('maytlsserver maysaslserver \\', 'maytlsservr maysaslserver \\'));
    const before = snapshot(dir);
    const r = await cli(['add-channel', '--domain', 'sesta.com', '--dir', dir, '--write']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^cnfmod add-channel: the change would introduce 1 new error; nothing was written; the errors, at their places in the edited text:\n  imta\.cnf:79:\d+  error  .*maytlsservr.*\[unknown-keyword\]\n/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('cnfmod other commands', () => {
  test('remove-channel after add-channel gives back the original bytes', async () => {
    const before = snapshot(dir);
    expect((await cli(['add-channel', '--domain', 'sesta.com', '--dir', dir, '--write'])).code).toBe(0);
    const r = await cli(['remove-channel', 'tcp_sesta', '--prune-pool', '--dir', dir, '--write']);
    expect(r.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  test('rename-channel, add-pool, set-sync-time, add-rule', async () => {
    expect((await cli(['rename-channel', 'tcp_auth', 'tcp_authd', '--dir', dir, '--write'])).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'imta.cnf'), 'utf8')).toContain('\ntcp_authd smtp mx single_sys mustsaslserver maytlsserver pool SMTP_POOL\ntcp_authd-daemon\n');
    expect((await cli(['add-pool', 'SLOW', '--job-limit', '2', '--dir', dir, '--write'])).code).toBe(0);
    expect((await cli(['set-sync-time', '02:00', '--dir', dir, '--write'])).code).toBe(0);
    const jc = fs.readFileSync(path.join(dir, 'job_controller.cnf'), 'utf8');
    expect(jc).toContain('sync_time=02:00\n');
    expect(jc).toContain('[POOL=SMTP_POOL]\njob_limit=10\n!\n[POOL=SLOW]\njob_limit=2\n!\n');
    const rule = await cli(['add-rule', 'partner.net', '$U%$D@tcp_intranet-daemon', '--dir', dir, '--write']);
    expect(rule.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'imta.cnf'), 'utf8')).toContain('.siroe.com                    $U%$H$D@tcp_intranet-daemon\npartner.net                   $U%$D@tcp_intranet-daemon\n');
    const refused = await cli(['set-sync-time', '00:30', '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/more than 30 minutes/);
  });

  test('--dir is relative to the working directory; default is the working directory', async () => {
    const r = await cli(['set-sync-time', '05:00'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('-sync_time=04:00\n+sync_time=05:00\n');
    const rel = await cli(['set-sync-time', '05:00', '--dir', path.basename(dir)], path.dirname(dir));
    expect(rel.out).toContain('+sync_time=05:00\n');
  });
});

describe('cnfmod usage and bad input', () => {
  test.each([
    [[], /^cnfmod: name a command\nRun 'cnfmod --help' for usage\.\n$/],
    [['frobnicate'], /Unknown argument: frobnicate/],
    [['add-channel'], /^cnfmod: Missing required argument: domain\nRun 'cnfmod add-channel --help' for usage\.\n$/],
    [['add-pool', 'P', '--job-limit', 'ten'], /--job-limit must be a whole number, not 'ten'/],
    [['add-channel', '--domain', 'a.com', '--backup'], /--backup only makes sense with --write/],
    [['remove-channel'], /Not enough non-option arguments/],
  ])('%j: exit 2', async (args, message) => {
    const r = await cli([...args, '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/Run 'cnfmod .*--help' for usage\.\n$/);
  });

  test('an unreadable configuration directory: exit 2, a clear message, no stack trace', async () => {
    const r = await cli(['add-channel', '--domain', 'a.com', '--dir', path.join(dir, 'nothere')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^cnfmod: configuration directory '.*nothere' does not exist\n$/);
    fs.rmSync(path.join(dir, 'imta.cnf'));
    const r2 = await cli(['add-channel', '--domain', 'a.com', '--dir', dir]);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/no imta\.cnf in/);
    expect(r2.err).not.toMatch(/\n\s+at /);
  });

  test('--version and -v print the package version, exit 0', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'package.json'), 'utf8'));
    for (const flag of ['--version', '-v']) expect(await cli([flag])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  test('--help: exit 0, the commands', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['add-channel', 'remove-channel <name>', 'rename-channel <old> <new>', 'add-pool <name>', 'set-sync-time <time>', 'add-rule <pattern> <template>'])
      expect(r.out).toContain(c);
  });
});

const BIN = path.resolve(process.cwd(), 'bin/cnfmod.js');
const BUILT = fs.existsSync(path.resolve(process.cwd(), 'dist/src/cli/cnfmod.js'));
(BUILT ? test : test.skip)('bin/cnfmod.js runs the built CLI (skipped without dist/)', () => {
  const r = spawnSync(process.execPath, [BIN, 'add-channel', '--domain', 'sesta.com', '--dir', dir], { encoding: 'utf8', cwd: os.tmpdir() });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('+tcp_sesta-daemon\n');
  const bad = spawnSync(process.execPath, [BIN, 'add-channel', '--domain', 'siroe.com', '--dir', dir], { encoding: 'utf8' });
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/refused/);
});
