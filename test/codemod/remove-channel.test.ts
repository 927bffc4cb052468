import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeChannel, type RemoveChannelArgs } from '../../src/codemod/remove-channel.js';
import { runCodemod } from '../../src/codemod/run.js';
import { isRefusal } from '../../src/codemod/types.js';
import { loadConfig } from '../../src/model/load.js';
import { modelOf, planOf, run, tempCopy, type Files } from './helpers.js';

const lines = (...l: string[]) => l.join('\n');

const IMTA = lines(
  '! rules',
  'example.com       $U%$D@mail.example.com',
  '.example.com      $U%$H$D@tcp_intranet-daemon',
  'intranet          $U%$D@tcp_intranet-daemon',
  '.                 $U%$H@tcp-daemon',
  '',
  'l pool LOCAL_POOL',
  'mail.example.com',
  '',
  'tcp_local smtp mx pool SMTP_POOL',
  'tcp-daemon',
  '',
  'tcp_intranet smtp pool INTRA_POOL',
  'tcp_intranet-daemon',
  'intranet.example.com',
  '',
  'tcp_auth smtp pool SMTP_POOL',
  'tcp_auth-daemon',
  '',
);

const JC = lines(
  '[POOL=DEFAULT]',
  'job_limit=10',
  '!',
  '[POOL=SMTP_POOL]',
  'job_limit=10',
  '!',
  '[POOL=INTRA_POOL]',
  'job_limit=5',
  '!',
  '[POOL=LOCAL_POOL]',
  'job_limit=1',
  '!',
  '! Channels',
  '[CHANNEL=tcp_*]',
  'master_command=/lib/tcp_smtp_client',
  '!',
  '[CHANNEL=tcp_intranet]',
  'master_command=/lib/tcp_smtp_client',
  'max_life_age=60',
  '!',
  '[CHANNEL=l]',
  'master_command=/lib/l_master',
  '',
);

const BASE: Files = { 'imta.cnf': IMTA, 'job_controller.cnf': JC };
const remove = (files: Files, args: RemoveChannelArgs) => run(files, removeChannel, args);
const refusal = (files: Files, args: RemoveChannelArgs) => {
  const r = removeChannel(modelOf(files), args);
  if (!isRefusal(r)) throw new Error('expected a refusal');
  return r.refused;
};

describe('remove-channel: exact results', () => {
  test('block with the blank line before it, rules routing to any of its hosts, its [CHANNEL=] section', () => {
    const out = remove(BASE, { name: 'tcp_intranet' });
    expect(out['imta.cnf']).toBe(
      lines(
        '! rules',
        'example.com       $U%$D@mail.example.com',
        '.                 $U%$H@tcp-daemon',
        '',
        'l pool LOCAL_POOL',
        'mail.example.com',
        '',
        'tcp_local smtp mx pool SMTP_POOL',
        'tcp-daemon',
        '',
        'tcp_auth smtp pool SMTP_POOL',
        'tcp_auth-daemon',
        '',
      ),
    );
    expect(out['job_controller.cnf']).toBe(JC.replace('!\n[CHANNEL=tcp_intranet]\nmaster_command=/lib/tcp_smtp_client\nmax_life_age=60\n', ''));
  });

  test('--prune-pool removes a pool nothing else uses, with one separator', () => {
    const out = remove(BASE, { name: 'tcp_intranet', prunePool: true });
    expect(out['job_controller.cnf']).toBe(
      lines(
        '[POOL=DEFAULT]',
        'job_limit=10',
        '!',
        '[POOL=SMTP_POOL]',
        'job_limit=10',
        '!',
        '[POOL=LOCAL_POOL]',
        'job_limit=1',
        '!',
        '! Channels',
        '[CHANNEL=tcp_*]',
        'master_command=/lib/tcp_smtp_client',
        '!',
        '[CHANNEL=l]',
        'master_command=/lib/l_master',
        '',
      ),
    );
  });

  test('without --prune-pool the pool stays, and the plan says it is unused', () => {
    const m = modelOf(BASE);
    const p = planOf(removeChannel(m, { name: 'tcp_intranet' }));
    expect(p.messages).toContain('pool INTRA_POOL is no longer used by any channel; --prune-pool removes it');
  });

  test('--prune-pool keeps a pool another channel uses', () => {
    const m = modelOf(BASE);
    const p = planOf(removeChannel(m, { name: 'tcp_auth', prunePool: true }));
    expect(p.messages).toContain('pool SMTP_POOL kept: still used by tcp_local');
    expect(run(BASE, removeChannel, { name: 'tcp_auth', prunePool: true })['job_controller.cnf']).toBe(JC);
  });

  test('the last block: the blank line before it goes, the file end stays as it was', () => {
    expect(remove(BASE, { name: 'tcp_auth' })['imta.cnf']).toBe(IMTA.replace('\ntcp_auth smtp pool SMTP_POOL\ntcp_auth-daemon\n', ''));
    const noFinal = { ...BASE, 'imta.cnf': IMTA.replace(/\n$/, '') };
    expect(remove(noFinal, { name: 'tcp_auth' })['imta.cnf']).toBe(IMTA.replace('\n\ntcp_auth smtp pool SMTP_POOL\ntcp_auth-daemon\n', ''));
  });

  test('comment lines directly above the block that name the channel go with it', () => {
    const imta = IMTA.replace('\ntcp_intranet smtp', '\n! tcp_intranet: SMTP inside example.com\n! (second line)\ntcp_intranet smtp');
    expect(remove({ ...BASE, 'imta.cnf': imta }, { name: 'tcp_intranet' })['imta.cnf']).toBe(remove(BASE, { name: 'tcp_intranet' })['imta.cnf']);
  });

  test('comment lines above the block that do not name it stay, with the blank line before them', () => {
    const imta = IMTA.replace('\ntcp_intranet smtp', '\n! internal SMTP\ntcp_intranet smtp');
    expect(remove({ ...BASE, 'imta.cnf': imta }, { name: 'tcp_intranet' })['imta.cnf']).toContain(
      lines('tcp-daemon', '', '! internal SMTP', 'tcp_auth smtp pool SMTP_POOL', 'tcp_auth-daemon', ''),
    );
  });

  test('CRLF stays CRLF', () => {
    const crlf = { 'imta.cnf': IMTA.replace(/\n/g, '\r\n'), 'job_controller.cnf': JC.replace(/\n/g, '\r\n') };
    const out = remove(crlf, { name: 'tcp_intranet', prunePool: true });
    const expected = remove(BASE, { name: 'tcp_intranet', prunePool: true });
    expect(out['imta.cnf']).toBe(expected['imta.cnf'].replace(/\n/g, '\r\n'));
    expect(out['job_controller.cnf']).toBe(expected['job_controller.cnf'].replace(/\n/g, '\r\n'));
  });
});

describe('remove-channel: refusals and warnings', () => {
  const withSwitch = { ...BASE, 'imta.cnf': IMTA.replace('tcp_local smtp mx pool SMTP_POOL', 'tcp_local smtp mx pool SMTP_POOL saslswitchchannel tcp_auth') };
  test.each<[string, Files, RemoveChannelArgs, RegExp]>([
    ['no such channel', BASE, { name: 'tcp_nothere' }, /there is no channel 'tcp_nothere' in imta\.cnf \(channels: l, tcp_local, tcp_intranet, tcp_auth\)/],
    ['the local channel', BASE, { name: 'l' }, /l is the local channel .* cannot be removed/],
    ['defaults is not a channel', BASE, { name: 'defaults' }, /not a channel/],
    ['another channel switches to it', withSwitch, { name: 'tcp_auth' }, /tcp_auth is still named by saslswitchchannel tcp_auth at imta\.cnf:10:34; change those first, or pass --force/],
    [
      'a dispatcher service names it',
      { ...BASE, 'dispatcher.cnf': '[SERVICE=SMTP]\nPORT=25\nPARAMETER=CHANNEL=tcp_intranet\n' },
      { name: 'tcp_intranet' },
      /\[SERVICE=SMTP\] PARAMETER=CHANNEL=tcp_intranet at dispatcher\.cnf:3:1/,
    ],
  ])('%s', (_n, files, args, message) => {
    expect(refusal(files, args)).toMatch(message);
  });

  test('--force removes it anyway and warns about what still names it', () => {
    const p = planOf(removeChannel(modelOf(withSwitch), { name: 'tcp_auth', force: true }));
    expect(p.messages).toContain('warning: saslswitchchannel tcp_auth at imta.cnf:10:34 still names tcp_auth');
  });

  test('$M/$N/$C/$Q controls naming it in other rules are reported', () => {
    const files = { ...BASE, 'imta.cnf': IMTA.replace('.                 $U%$H@tcp-daemon', '.                 $U%$H@tcp-daemon$Ntcp_auth') };
    const p = planOf(removeChannel(modelOf(files), { name: 'tcp_auth' }));
    expect(p.messages).toContain('warning: the rule at imta.cnf:5:1 (.) checks $Ntcp_auth; review it');
  });
});

describe('remove-channel on a copy of examples/siroe', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('rules in an included file are removed too (tcp_local, forced past the dispatcher service)', () => {
    dir = tempCopy();
    const model = loadConfig(dir);
    const r = runCodemod(model, removeChannel(model, { name: 'tcp_local', force: true }), { write: true });
    expect(r.status).toBe('written');
    const rules = fs.readFileSync(path.join(dir, 'internet.rules'), 'utf8');
    expect(rules.split('\n').filter((l) => l && !l.startsWith('!'))).toEqual([]);
    const imta = fs.readFileSync(path.join(dir, 'imta.cnf'), 'utf8');
    expect(imta).not.toMatch(/@tcp-daemon|^tcp_local /m);
    expect(imta).toContain('[]                            $E$R${INTERNAL_IP,$L}$U%[$L]@tcp_intranet-daemon\n\n! Part II');
    expect(r.messages).toContain('warning: [SERVICE=SMTP] PARAMETER=CHANNEL=tcp_local at dispatcher.cnf:21:1 still names tcp_local');
  });
});

describe('remove-channel --prune-pool: separators between pools', () => {
  const imta = lines('x $U@tcp_aol-daemon', '', 'l', 'local', '', 'tcp_aol smtp pool aol_pool', 'tcp_aol-daemon', '');
  test.each([
    ['blank lines', '\n'],
    ['! lines', '!\n'],
    ['nothing', ''],
  ])('pools separated by %s: one separator goes with the pool', (_n, sep) => {
    const jc = `[POOL=yahoo_pool]\njob_limit=10\n${sep}[POOL=aol_pool]\njob_limit=10\n${sep}[POOL=hotmail_pool]\njob_limit=10\n`;
    const out = remove({ 'imta.cnf': imta, 'job_controller.cnf': jc }, { name: 'tcp_aol', prunePool: true });
    expect(out['job_controller.cnf']).toBe(`[POOL=yahoo_pool]\njob_limit=10\n${sep}[POOL=hotmail_pool]\njob_limit=10\n`);
    expect(out['imta.cnf']).toBe(lines('', 'l', 'local', ''));
  });

  test('the last pool, with a descriptive comment before the channel sections', () => {
    const jc = '[POOL=DEFAULT]\njob_limit=1\n!\n[POOL=aol_pool]\njob_limit=10\n!\n! Channels\n[CHANNEL=l]\nmaster_command=x\n';
    const out = remove({ 'imta.cnf': imta, 'job_controller.cnf': jc }, { name: 'tcp_aol', prunePool: true });
    expect(out['job_controller.cnf']).toBe('[POOL=DEFAULT]\njob_limit=1\n!\n! Channels\n[CHANNEL=l]\nmaster_command=x\n');
  });
});
