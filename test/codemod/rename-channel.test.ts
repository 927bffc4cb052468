import { renameChannel, type RenameChannelArgs } from '../../src/codemod/rename-channel.js';
import { isRefusal } from '../../src/codemod/types.js';
import { modelOf, planOf, run, type Files } from './helpers.js';

const lines = (...l: string[]) => l.join('\n');

const IMTA = lines(
  'example.com   $U%$D@mail.example.com',
  '.partner.net  $U%$H$D@tcp_partner-daemon$Ntcp_auth',
  'partner.net   $U%$D@TCP_PARTNER-DAEMON',
  'legacy        $U%legacy@tcp_partner-\\',
  'daemon',
  'checked       $U@tcp-daemon$Mtcp_partner$Ctcp_partner',
  '',
  'defaults notificationchannel tcp_partner',
  '',
  'l',
  'mail.example.com',
  '',
  'tcp_local smtp saslswitchchannel tcp_partner alternatechannel "tcp_partner"',
  'tcp-daemon',
  '',
  'tcp_partner smtp pool SMTP_POOL',
  'tcp_partner-daemon',
  'partner-relay.example.com',
  '',
  'tcp_auth smtp',
  'tcp_auth-daemon',
  '',
);

const JC = lines('[POOL=SMTP_POOL]', 'job_limit=10', '[CHANNEL=tcp_partner]', 'master_command=/lib/tcp_smtp_client', '[CHANNEL=tcp_*]', 'master_command=/lib/tcp_smtp_client', '');
const DISPATCHER = lines('[SERVICE=SMTP_PARTNER]', 'PORT=2525', 'PARAMETER=CHANNEL=tcp_partner', '');
const BASE: Files = { 'imta.cnf': IMTA, 'job_controller.cnf': JC, 'dispatcher.cnf': DISPATCHER };

const rename = (files: Files, args: RenameChannelArgs) => run(files, renameChannel, args);

describe('rename-channel', () => {
  test('every place the MTA reads the name, nothing else', () => {
    const out = rename(BASE, { from: 'tcp_partner', to: 'tcp_ally' });
    expect(out['imta.cnf']).toBe(
      lines(
        'example.com   $U%$D@mail.example.com',
        '.partner.net  $U%$H$D@tcp_ally-daemon$Ntcp_auth',
        'partner.net   $U%$D@tcp_ally-DAEMON',
        'legacy        $U%legacy@tcp_ally-\\',
        'daemon',
        'checked       $U@tcp-daemon$Mtcp_ally$Ctcp_ally',
        '',
        'defaults notificationchannel tcp_ally',
        '',
        'l',
        'mail.example.com',
        '',
        'tcp_local smtp saslswitchchannel tcp_ally alternatechannel "tcp_ally"',
        'tcp-daemon',
        '',
        'tcp_ally smtp pool SMTP_POOL',
        'tcp_ally-daemon',
        'partner-relay.example.com',
        '',
        'tcp_auth smtp',
        'tcp_auth-daemon',
        '',
      ),
    );
    expect(out['job_controller.cnf']).toBe(JC.replace('[CHANNEL=tcp_partner]', '[CHANNEL=tcp_ally]'));
    expect(out['dispatcher.cnf']).toBe(DISPATCHER.replace('CHANNEL=tcp_partner', 'CHANNEL=tcp_ally'));
  });

  test('renaming back gives the original bytes', () => {
    const there = rename(BASE, { from: 'tcp_partner', to: 'tcp_ally' });
    const back = rename(there, { from: 'tcp_ally', to: 'tcp_partner' });
    expect(back['imta.cnf']).toBe(IMTA.replace('@TCP_PARTNER-DAEMON', '@tcp_partner-DAEMON'));
    expect(back['job_controller.cnf']).toBe(JC);
    expect(back['dispatcher.cnf']).toBe(DISPATCHER);
  });

  test('an official host that does not follow <name>-daemon is kept, and rules routing to it too', () => {
    const out = rename(BASE, { from: 'tcp_local', to: 'tcp_out' });
    expect(out['imta.cnf']).toContain('\ntcp_out smtp saslswitchchannel tcp_partner alternatechannel');
    expect(out['imta.cnf']).toContain('checked       $U@tcp-daemon$Mtcp_partner');
    expect(out['imta.cnf']).toContain('\ntcp-daemon\n');
    const p = planOf(renameChannel(modelOf(BASE), { from: 'tcp_local', to: 'tcp_out' }));
    expect(p.messages).toContain('its official host tcp-daemon does not follow the <channel>-daemon convention; kept');
  });

  test('a channel that leaves its [CHANNEL=prefix*] section is reported', () => {
    const p = planOf(renameChannel(modelOf(BASE), { from: 'tcp_auth', to: 'authsmtp' }));
    expect(p.messages).toContain('warning: authsmtp no longer matches [CHANNEL=tcp_*] in job_controller.cnf: no section runs its deliveries; add [CHANNEL=authsmtp]');
  });

  test('idempotent: already renamed, or the same name', () => {
    const there = rename(BASE, { from: 'tcp_partner', to: 'tcp_ally' });
    const again = renameChannel(modelOf(there), { from: 'tcp_partner', to: 'tcp_ally' });
    expect(!isRefusal(again) && again.nothingToDo).toBe(true);
    const same = renameChannel(modelOf(BASE), { from: 'tcp_partner', to: 'tcp_partner' });
    expect(!isRefusal(same) && same.nothingToDo).toBe(true);
  });

  test('next steps include the channel option file and the queue', () => {
    const p = planOf(renameChannel(modelOf(BASE), { from: 'tcp_partner', to: 'tcp_ally' }));
    expect(p.nextSteps).toEqual([
      'if a channel option file tcp_partner_option exists in the configuration directory, rename it to tcp_ally_option',
      'messages already queued to tcp_partner stay in its queue directory: let them be delivered (imsimta qm) before the restart',
      'imsimta cnbuild',
      'imsimta restart',
    ]);
  });

  test.each<[string, RenameChannelArgs, RegExp]>([
    ['no such channel', { from: 'tcp_none', to: 'tcp_x' }, /there is no channel 'tcp_none'/],
    ['the new name is taken', { from: 'tcp_partner', to: 'tcp_auth' }, /channel name 'tcp_auth' is taken by tcp_auth \(imta\.cnf:20\)/],
    ['the local channel', { from: 'l', to: 'local' }, /local channel/],
    ['a bad new name', { from: 'tcp_partner', to: 'tcp partner' }, /may only contain/],
    ['a built-in name', { from: 'tcp_partner', to: 'reprocess' }, /'reprocess' is a channel name the MTA gives a meaning to.*--force/],
  ])('refuses: %s', (_n, args, message) => {
    const r = renameChannel(modelOf(BASE), args);
    expect(isRefusal(r) && r.refused).toMatch(message);
  });

  test('refuses when the new official host belongs to another channel', () => {
    const files = { ...BASE, 'imta.cnf': IMTA.replace('tcp_auth-daemon\n', 'tcp_auth-daemon\ntcp_ally-daemon\n') };
    const r = renameChannel(modelOf(files), { from: 'tcp_partner', to: 'tcp_ally' });
    expect(isRefusal(r) && r.refused).toMatch(/host name 'tcp_ally-daemon' already belongs to channel tcp_auth/);
  });
});
