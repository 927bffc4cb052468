import * as fs from 'node:fs';
import * as path from 'node:path';
import { addChannel, type AddChannelArgs } from '../../src/codemod/add-channel.js';
import { removeChannel } from '../../src/codemod/remove-channel.js';
import { runCodemod, unifiedDiff } from '../../src/codemod/run.js';
import { isRefusal } from '../../src/codemod/types.js';
import { loadConfig } from '../../src/model/load.js';
import { crlf, modelOf, planOf, run, snapshot, tempCopy, type Files } from './helpers.js';

const lines = (...l: string[]) => l.join('\n');

const IMTA = lines(
  '! rules',
  'example.com       $U%$D@mail.example.com',
  '.example.com      $U%$H$D@tcp_intranet-daemon',
  '.                 $U%$H@tcp-daemon',
  '',
  'l pool LOCAL_POOL',
  'mail.example.com',
  '',
  'tcp_local smtp mx pool SMTP_POOL \\',
  '  maytlsserver',
  'tcp-daemon',
  '',
  'tcp_intranet smtp pool SMTP_POOL',
  'tcp_intranet-daemon',
  '',
);

const JC = lines(
  'tcp_port=27442',
  'sync_time=04:00',
  '!',
  '[POOL=DEFAULT]',
  'job_limit=10',
  '!',
  '[POOL=LOCAL_POOL]',
  'job_limit=10',
  '!',
  '[POOL=SMTP_POOL]',
  'job_limit=10',
  '!',
  '[CHANNEL=tcp_*]',
  'master_command=/lib/tcp_smtp_client',
  '',
);

const BASE: Files = { 'imta.cnf': IMTA, 'job_controller.cnf': JC };

const add = (files: Files, args: AddChannelArgs) => run(files, addChannel, args);
const refusal = (files: Files, args: AddChannelArgs) => {
  const r = addChannel(modelOf(files), args);
  if (!isRefusal(r)) throw new Error('expected a refusal');
  return r.refused;
};

describe('add-channel: exact results on small configurations', () => {
  test('the documented procedure, default names', () => {
    const out = add(BASE, { domain: 'sesta.com' });
    expect(out['imta.cnf']).toBe(
      lines(
        '! rules',
        'example.com       $U%$D@mail.example.com',
        '.example.com      $U%$H$D@tcp_intranet-daemon',
        'sesta.com         $U%$D@tcp_sesta-daemon',
        '.sesta.com        $U%$H$D@tcp_sesta-daemon',
        '.                 $U%$H@tcp-daemon',
        '',
        'l pool LOCAL_POOL',
        'mail.example.com',
        '',
        'tcp_local smtp mx pool SMTP_POOL \\',
        '  maytlsserver',
        'tcp-daemon',
        '',
        'tcp_sesta smtp mx pool SMTP_SESTA \\',
        '  maytlsserver',
        'tcp_sesta-daemon',
        '',
        'tcp_intranet smtp pool SMTP_POOL',
        'tcp_intranet-daemon',
        '',
      ),
    );
    expect(out['job_controller.cnf']).toBe(
      lines(
        'tcp_port=27442',
        'sync_time=04:00',
        '!',
        '[POOL=DEFAULT]',
        'job_limit=10',
        '!',
        '[POOL=LOCAL_POOL]',
        'job_limit=10',
        '!',
        '[POOL=SMTP_POOL]',
        'job_limit=10',
        '!',
        '[POOL=SMTP_SESTA]',
        'job_limit=10',
        '!',
        '[CHANNEL=tcp_*]',
        'master_command=/lib/tcp_smtp_client',
        '',
      ),
    );
  });

  test('the plan says what it does and what remains to do on the server', () => {
    const p = planOf(addChannel(modelOf(BASE), { domain: 'sesta.com' }));
    expect(p.nextSteps).toEqual(['imsimta cnbuild', 'imsimta restart']);
    expect(p.messages.join('\n')).toMatch(/add channel tcp_sesta .*pool SMTP_SESTA.*tcp_sesta-daemon/);
    expect(p.nothingToDo).toBeUndefined();
  });

  test('--name, --pool, --job-limit, --like', () => {
    const out = add(BASE, { domain: 'Sesta.COM.', name: 'tcp_slow', pool: 'SLOW', jobLimit: 2, like: 'tcp_intranet' });
    expect(out['imta.cnf']).toContain(lines('tcp_intranet-daemon', '', 'tcp_slow smtp pool SLOW', 'tcp_slow-daemon', ''));
    expect(out['imta.cnf']).toContain(lines('sesta.com         $U%$D@tcp_slow-daemon', '.sesta.com        $U%$H$D@tcp_slow-daemon', ''));
    expect(out['job_controller.cnf']).toContain(lines('[POOL=SMTP_POOL]', 'job_limit=10', '!', '[POOL=SLOW]', 'job_limit=2', '!', '[CHANNEL'));
  });

  test('a --like channel without a pool gets `pool X` at the end of its keywords', () => {
    const files = { ...BASE, 'imta.cnf': IMTA.replace('tcp_intranet smtp pool SMTP_POOL', 'tcp_intranet smtp mx') };
    const out = add(files, { domain: 'sesta.com', like: 'tcp_intranet' });
    expect(out['imta.cnf'].endsWith(lines('tcp_intranet smtp mx', 'tcp_intranet-daemon', '', 'tcp_sesta smtp mx pool SMTP_SESTA', 'tcp_sesta-daemon', ''))).toBe(true);
  });

  test('the pool argument is replaced where it stands, across a continuation, and a second pool keyword is dropped', () => {
    const files = {
      ...BASE,
      'imta.cnf': IMTA.replace('tcp_local smtp mx pool SMTP_POOL \\\n  maytlsserver', 'tcp_local smtp mx pool \\\n  SMTP_POOL maytlsserver pool OTHER_POOL'),
    };
    const out = add(files, { domain: 'sesta.com' });
    expect(out['imta.cnf']).toContain(lines('', 'tcp_sesta smtp mx pool \\', '  SMTP_SESTA maytlsserver', 'tcp_sesta-daemon', ''));
  });

  test('a --like block at the end of a file without a final line break', () => {
    const files = { ...BASE, 'imta.cnf': IMTA.replace(/\n$/, '') };
    const out = add(files, { domain: 'sesta.com', like: 'tcp_intranet' });
    expect(out['imta.cnf'].endsWith(lines('tcp_intranet-daemon', '', 'tcp_sesta smtp pool SMTP_SESTA', 'tcp_sesta-daemon'))).toBe(true);
  });

  test('rules aligned with tabs get tabs to the same column', () => {
    const files = {
      ...BASE,
      'imta.cnf': IMTA.replace('.example.com      $U%$H$D@tcp_intranet-daemon', '.example.com\t\t$U%$H$D@tcp_intranet-daemon'),
    };
    const out = add(files, { domain: 'sesta.com' });
    expect(out['imta.cnf']).toContain(lines('.example.com\t\t$U%$H$D@tcp_intranet-daemon', 'sesta.com\t\t$U%$D@tcp_sesta-daemon', '.sesta.com\t\t$U%$H$D@tcp_sesta-daemon', '.'));
  });

  test('a pattern longer than the template column gets one blank', () => {
    const out = add(BASE, { domain: 'a-rather-long.example.org', name: 'tcp_long', pool: 'LONG' });
    expect(out['imta.cnf']).toContain(lines('a-rather-long.example.org $U%$D@tcp_long-daemon', '.a-rather-long.example.org $U%$H$D@tcp_long-daemon'));
  });

  test('without domain rules for tcp_* channels, the rules follow the local domain’s rules', () => {
    const files = {
      ...BASE,
      'imta.cnf': IMTA.replace('.example.com      $U%$H$D@tcp_intranet-daemon\n', '').replace('! rules\n', '! rules\nmail              $U%mail.example.com@mail.example.com\n'),
    };
    const out = add(files, { domain: 'sesta.com' });
    expect(out['imta.cnf']).toContain(
      lines(
        'mail              $U%mail.example.com@mail.example.com',
        'example.com       $U%$D@mail.example.com',
        'sesta.com         $U%$D@tcp_sesta-daemon',
        '.sesta.com        $U%$H$D@tcp_sesta-daemon',
        '.                 $U%$H@tcp-daemon',
        '',
      ),
    );
  });

  test('a configuration without rules: they open the rule section', () => {
    const noRules = IMTA.slice(IMTA.indexOf('\n\n') + 1);
    expect(add({ ...BASE, 'imta.cnf': noRules }, { domain: 'sesta.com' })['imta.cnf'].startsWith('sesta.com $U%$D@tcp_sesta-daemon\n.sesta.com $U%$H$D@tcp_sesta-daemon\n\nl pool')).toBe(true);
    const commentsOnly = '! no rules yet\n' + noRules;
    expect(add({ ...BASE, 'imta.cnf': commentsOnly }, { domain: 'sesta.com' })['imta.cnf'].startsWith('! no rules yet\nsesta.com $U%$D@tcp_sesta-daemon\n.sesta.com $U%$H$D@tcp_sesta-daemon\n\nl pool')).toBe(true);
  });

  test('pools separated by blank lines: the new pool follows the last one with no blank line', () => {
    const jc = lines('[POOL=DEFAULT]', 'job_limit=10', '', '[POOL=SMTP_POOL]', 'job_limit=10', '', '[CHANNEL=tcp_*]', 'master_command=x', '');
    const out = add({ ...BASE, 'job_controller.cnf': jc }, { domain: 'sesta.com' });
    expect(out['job_controller.cnf']).toBe(
      lines('[POOL=DEFAULT]', 'job_limit=10', '', '[POOL=SMTP_POOL]', 'job_limit=10', '[POOL=SMTP_SESTA]', 'job_limit=10', '', '[CHANNEL=tcp_*]', 'master_command=x', ''),
    );
  });

  test('the settings of the last pool are all kept above the new one; its case and spacing are followed', () => {
    const jc = lines('!', '[POOL=SMTP_POOL]', 'JOB_LIMIT = 10', 'SOMETHING = 1', '!', '! channels', '[CHANNEL=tcp_*]', 'MASTER_COMMAND = x');
    const out = add({ ...BASE, 'job_controller.cnf': jc }, { domain: 'sesta.com' });
    expect(out['job_controller.cnf']).toBe(
      lines('!', '[POOL=SMTP_POOL]', 'JOB_LIMIT = 10', 'SOMETHING = 1', '!', '[POOL=SMTP_SESTA]', 'JOB_LIMIT = 10', '!', '! channels', '[CHANNEL=tcp_*]', 'MASTER_COMMAND = x'),
    );
  });

  test('a channel no [CHANNEL=…] section matches gets a copy of the --like channel’s section', () => {
    const jc = lines('[POOL=SMTP_POOL]', 'job_limit=10', '!', '[CHANNEL=l]', 'master_command=/lib/l_master', '!', '[CHANNEL=tcp_local]', 'master_command=/lib/tcp_smtp_client', 'max_life_age=600', '');
    const out = add({ ...BASE, 'job_controller.cnf': jc }, { domain: 'sesta.com' });
    expect(out['job_controller.cnf']).toBe(
      lines(
        '[POOL=SMTP_POOL]',
        'job_limit=10',
        '!',
        '[POOL=SMTP_SESTA]',
        'job_limit=10',
        '!',
        '[CHANNEL=l]',
        'master_command=/lib/l_master',
        '!',
        '[CHANNEL=tcp_local]',
        'master_command=/lib/tcp_smtp_client',
        'max_life_age=600',
        '!',
        '[CHANNEL=tcp_sesta]',
        'master_command=/lib/tcp_smtp_client',
        'max_life_age=600',
        '',
      ),
    );
  });

  test('CRLF files stay CRLF, trailing blanks and comments stay', () => {
    const files = { 'imta.cnf': crlf(IMTA).replace('! rules', '! rules   '), 'job_controller.cnf': crlf(JC) };
    const out = add(files, { domain: 'sesta.com' });
    for (const text of Object.values(out)) expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(out['imta.cnf']).toContain('! rules   \r\n');
    expect(out['imta.cnf']).toContain('tcp_sesta smtp mx pool SMTP_SESTA \\\r\n  maytlsserver\r\ntcp_sesta-daemon\r\n\r\n');
    expect(out['job_controller.cnf']).toContain('!\r\n[POOL=SMTP_SESTA]\r\njob_limit=10\r\n!\r\n');
  });
});

describe('add-channel: idempotence and existing parts', () => {
  test('running it twice changes nothing the second time, and says so', () => {
    const once = add(BASE, { domain: 'sesta.com' });
    const again = planOf(addChannel(modelOf(once), { domain: 'sesta.com' }));
    expect(again.nothingToDo).toBe(true);
    expect(again.edits).toEqual([]);
    expect(again.messages[0]).toMatch(/already .*nothing to do/);
  });

  test('an unused pool of that name is reused, the rest is added', () => {
    const files = { ...BASE, 'job_controller.cnf': JC.replace('[CHANNEL=tcp_*]', '[POOL=SMTP_SESTA]\njob_limit=3\n!\n[CHANNEL=tcp_*]') };
    const m = modelOf(files);
    const p = planOf(addChannel(m, { domain: 'sesta.com' }));
    const out = run(files, addChannel, { domain: 'sesta.com' });
    expect(out['job_controller.cnf']).toBe(files['job_controller.cnf']);
    expect(out['imta.cnf']).toContain('tcp_sesta smtp mx pool SMTP_SESTA');
    expect(p.messages.join('\n')).toMatch(/already present: pool SMTP_SESTA/);
  });

  test('a half-done earlier run is completed (rules present, channel and pool missing)', () => {
    const files = { ...BASE, 'imta.cnf': IMTA.replace('.                 $U', 'sesta.com         $U%$D@tcp_sesta-daemon\n.                 $U') };
    const out = add(files, { domain: 'sesta.com' });
    expect(out['imta.cnf'].match(/^sesta\.com /gm)).toHaveLength(1);
    expect(out['imta.cnf'].match(/^\.sesta\.com /gm)).toHaveLength(1);
    expect(out['imta.cnf']).toContain('tcp_sesta-daemon\n\ntcp_intranet');
  });
});

describe('add-channel: refusals', () => {
  test.each<[string, Files, AddChannelArgs, RegExp]>([
    ['an existing rule routes the domain elsewhere', BASE, { domain: 'example.com' }, /example\.com already routes elsewhere: imta\.cnf:2:1 'example\.com \$U%\$D@mail\.example\.com'; pass --force/],
    ['the --like channel does not exist', BASE, { domain: 'sesta.com', like: 'tcp_nothere' }, /channel 'tcp_nothere' \(--like\) does not exist .*channels: l, tcp_local, tcp_intranet/],
    ['the derived pool name is too long', BASE, { domain: 'verylongname.com' }, /pool name 'SMTP_VERYLONGNAME' has 17 characters; the Job Controller allows at most 12: .*--pool/],
    ['a given pool name is too long', BASE, { domain: 'sesta.com', pool: 'THIRTEEN_CHRS' }, /has 13 characters.*at most 12/],
    ['the channel name is taken', BASE, { domain: 'sesta.com', name: 'tcp_intranet' }, /channel name 'tcp_intranet' is taken: tcp_intranet \(imta\.cnf:13\)/],
    ['the pool is used by another channel', BASE, { domain: 'sesta.com', pool: 'SMTP_POOL' }, /pool 'SMTP_POOL' is taken: used by channel tcp_local \(imta\.cnf:9\), tcp_intranet/],
    ['the first pool is the default pool of channels without one', { ...BASE, 'imta.cnf': IMTA.replace('l pool LOCAL_POOL', 'l') }, { domain: 'sesta.com', pool: 'DEFAULT' }, /pool 'DEFAULT' is taken: used by channel l/],
    ['not a domain', BASE, { domain: 'sesta' }, /'sesta' is not a domain name/],
    ['a bad channel name', BASE, { domain: 'sesta.com', name: 'tcp/sesta' }, /may only contain letters, digits/],
    ['no job_controller.cnf', { 'imta.cnf': IMTA }, { domain: 'sesta.com' }, /no job_controller\.cnf/],
  ])('%s', (_name, files, args, message) => {
    expect(refusal(files, args)).toMatch(message);
  });

  test('--force routes the domain to the new channel: the new rule goes first', () => {
    const out = add(BASE, { domain: 'example.com', name: 'tcp_ex', pool: 'SMTP_EX', force: true });
    expect(out['imta.cnf']).toContain(
      lines(
        '! rules',
        'example.com       $U%$D@tcp_ex-daemon',
        'example.com       $U%$D@mail.example.com',
        '.example.com      $U%$H$D@tcp_ex-daemon',
        '.example.com      $U%$H$D@tcp_intranet-daemon',
        '.                 $U%$H@tcp-daemon',
      ),
    );
  });

  test('a refusal changes nothing', () => {
    const r = addChannel(modelOf(BASE), { domain: 'example.com' });
    expect(isRefusal(r)).toBe(true);
    expect((r as { edits?: unknown }).edits).toBeUndefined();
  });
});

describe('add-channel on a copy of examples/siroe', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the exact diff for --domain sesta.com', () => {
    dir = tempCopy();
    const model = loadConfig(dir);
    const r = runCodemod(model, addChannel(model, { domain: 'sesta.com' }));
    expect(r.status).toBe('planned');
    expect(unifiedDiff(r.changes)).toBe(SESTA_DIFF);
  });

  test('siroe.com itself is refused: its rules route to mail.siroe.com', () => {
    dir = tempCopy();
    const r = addChannel(loadConfig(dir), { domain: 'siroe.com' });
    expect(isRefusal(r) && r.refused).toMatch(/^siroe\.com already routes elsewhere: imta\.cnf:13:1 'siroe\.com \$U%\$D@mail\.siroe\.com'/);
  });

  test('a CRLF copy stays CRLF, and remove-channel gives back its bytes', () => {
    dir = tempCopy(undefined, (_n, t) => crlf(t));
    const before = snapshot(dir);
    let model = loadConfig(dir);
    expect(runCodemod(model, addChannel(model, { domain: 'sesta.com' }), { write: true }).status).toBe('written');
    for (const name of ['imta.cnf', 'job_controller.cnf']) {
      const text = fs.readFileSync(path.join(dir, name), 'latin1');
      expect(text).not.toBe(before.get(name)!.toString('latin1'));
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
    model = loadConfig(dir);
    expect(runCodemod(model, removeChannel(model, { name: 'tcp_sesta', prunePool: true }), { write: true }).status).toBe('written');
    expect(snapshot(dir)).toEqual(before);
  });
});

const SESTA_DIFF = `--- a/imta.cnf
+++ b/imta.cnf
@@ -17,8 +17,10 @@
 ims-ms.mail.siroe.com         $E$U@ims-ms-daemon
 !
 ! Every other host inside siroe.com is reached over the intranet SMTP channel.
 .siroe.com                    $U%$H$D@tcp_intranet-daemon
+sesta.com                     $U%$D@tcp_sesta-daemon
+.sesta.com                    $U%$H$D@tcp_sesta-daemon
 !
 ! Internal channels. Each one is reachable under its own name and under a
 ! subdomain of the local host, routed to the channel's official host name.
 ! reprocess: deferred alias and list expansion
@@ -72,8 +74,13 @@
   subdirs 20 maxjobs 7 pool SMTP_POOL maytlsserver maysaslserver \\
   saslswitchchannel tcp_auth
 tcp-daemon
 
+tcp_sesta smtp mx single_sys remotehost inner switchchannel identnonenumeric \\
+  subdirs 20 maxjobs 7 pool SMTP_SESTA maytlsserver maysaslserver \\
+  saslswitchchannel tcp_auth
+tcp_sesta-daemon
+
 ! tcp_intranet: SMTP to and from hosts inside siroe.com
 tcp_intranet smtp mx single_sys subdirs 20 dequeue_removeroute \\
   maxjobs 7 pool SMTP_POOL maytlsserver maysaslserver saslswitchchannel tcp_auth
 tcp_intranet-daemon
--- a/job_controller.cnf
+++ b/job_controller.cnf
@@ -24,8 +24,11 @@
 !
 [POOL=SMTP_POOL]
 job_limit=10
 !
+[POOL=SMTP_SESTA]
+job_limit=10
+!
 ! Channel definitions
 !
 !
 [CHANNEL=l]
`;
