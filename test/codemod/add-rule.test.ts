import { addRule, type AddRuleArgs } from '../../src/codemod/add-rule.js';
import { isRefusal } from '../../src/codemod/types.js';
import { modelOf, planOf, run, type Files } from './helpers.js';

const lines = (...l: string[]) => l.join('\n');
const IMTA = lines(
  'example.com       $U%$D@mail.example.com',
  '.example.com      $U%$H$D@tcp_intranet-daemon',
  '.                 $U%$H@tcp-daemon',
  '[]                $E$R$U%[$L]@tcp_intranet-daemon',
  '[]                $U%[$L]@tcp-daemon',
  '',
  'l',
  'mail.example.com',
  '',
  'tcp_local smtp',
  'tcp-daemon',
  '',
  'tcp_intranet smtp',
  'tcp_intranet-daemon',
  'relay.example.com',
  '',
);
const BASE: Files = { 'imta.cnf': IMTA };
const add = (args: AddRuleArgs, files = BASE) => run(files, addRule, args)['imta.cnf'];

describe('add-rule', () => {
  test('a domain rule goes after the domain rules of the same channel, aligned', () => {
    expect(add({ pattern: 'partner.net', template: '$U%$D@tcp_intranet-daemon' })).toBe(
      IMTA.replace('tcp_intranet-daemon\n.', 'tcp_intranet-daemon\npartner.net       $U%$D@tcp_intranet-daemon\n.'),
    );
  });

  test('an additional host name counts as a routing host; a rule is never put inside a run of rules with one pattern', () => {
    expect(add({ pattern: '[1.2.3.4]', template: '$U@relay.example.com' })).toBe(
      IMTA.replace('[]                $U%[$L]@tcp-daemon\n', '[]                $U%[$L]@tcp-daemon\n[1.2.3.4]         $U@relay.example.com\n'),
    );
  });

  test('the same rule again is nothing to do', () => {
    const r = addRule(modelOf(BASE), { pattern: '.EXAMPLE.com', template: '$U%$H$D@tcp_intranet-daemon' });
    expect(!isRefusal(r) && r.nothingToDo).toBe(true);
  });

  test('--force puts it before the rule with the same pattern', () => {
    expect(add({ pattern: 'example.com', template: '$U%$D@tcp-daemon', force: true })).toBe(
      IMTA.replace('example.com       $U%$D@mail', 'example.com       $U%$D@tcp-daemon\nexample.com       $U%$D@mail'),
    );
  });

  test('a dynamic routing host is accepted with a warning', () => {
    const p = planOf(addRule(modelOf(BASE), { pattern: 'dyn.example.com', template: '$U@$H-daemon' }));
    expect(p.messages).toContain("warning: routing host '$H-daemon' is computed when the rule applies; cannot check that a channel owns it");
  });

  test('an error-only template needs no routing host', () => {
    expect(isRefusal(addRule(modelOf(BASE), { pattern: 'spam.example.com', template: '$?no-mail-here' }))).toBe(false);
  });

  test.each<[string, AddRuleArgs, RegExp]>([
    ['unknown routing host', { pattern: 'x.org', template: '$U%$D@tcp_nope-daemon' }, /no channel has 'tcp_nope-daemon' as its official or additional host name.*route to one of: mail\.example\.com, tcp-daemon, tcp_intranet-daemon/],
    ['no routing host', { pattern: 'x.org', template: '$U%$D' }, /routes nowhere/],
    ['same pattern routes elsewhere', { pattern: 'example.com', template: '$U%$D@tcp-daemon' }, /a rule for example\.com exists: imta\.cnf:1:1 'example\.com \$U%\$D@mail\.example\.com'; pass --force/],
    ['blank in pattern', { pattern: 'a b', template: '$U@tcp-daemon' }, /one word without blanks/],
    ['comment pattern', { pattern: '!x', template: '$U@tcp-daemon' }, /cannot start with '!'/],
    ['bad template', { pattern: 'x.org', template: '$U%${MAP@tcp-daemon' }, /template '\$U%\$\{MAP@tcp-daemon': /],
  ])('refuses: %s', (_n, args, message) => {
    const r = addRule(modelOf(BASE), args);
    expect(isRefusal(r) && r.refused).toMatch(message);
  });
});
