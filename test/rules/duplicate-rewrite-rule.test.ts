import rule from '../../rules/duplicate-rewrite-rule.js';
import { ruleTester } from '../helpers/rule-tester.js';

const SAME = (p: string, at: string) =>
  `rewrite rule '${p}' repeats the rule at ${at}: rules with the same pattern are tried in order, so this copy never changes anything; delete it`;
const DEAD = (p: string, at: string, t: string) =>
  `rewrite rule '${p}' is never used: the earlier rule of the same pattern at ${at} ('${t}') has no condition that can make it fail, and the MTA stops at the first rule of a pattern that succeeds; delete this rule, or add a condition ($E, $B, $N…) to the earlier one`;

const CH = '\nl\nlocal\n';

ruleTester(rule, {
  valid: [
    { name: 'LMTP relay rules: $E then $B (2005Q4)', files: `.lmtp   $E$F$U%$H.lmtp@lmtpcs-daemon\n.lmtp   $B$F$U%$H@$H@lmtpcs-daemon\n${CH}` },
    { name: '$N verify idiom', files: `acme.com $U@mail.acme.com$Nverify\nacme.com $U%acme.com@verify-daemon\n${CH}` },
    { name: 'domain literals: mapping lookup first', files: `[] $E$R\${INTERNAL_IP,$L}$U%[$L]@tcp_intranet-daemon\n[] $U%[$L]@tcp-daemon\n${CH}` },
    { name: 'label substitution can fail', files: `* $U%$&0.example.com@tcp-daemon\n* $U@tcp-daemon\n${CH}` },
    { name: 'different tags are different patterns', files: `mtcp-force|.com $U@tcp-daemon\n.com $U@tcp-daemon\n${CH}` },
    { name: 'direct LDAP rule then others', files: `$* $E$F$U%$H$V$H@mail.example.com\n$* $U@x\n${CH}` },
    { name: 'a general database lookup can fail', files: `.x $($H)\n.x $U@tcp-daemon\n${CH}` },
  ],
  invalid: [
    {
      name: 'the same rule twice; case-insensitive patterns',
      files: `.com $U%$H$D@tcp-daemon\n.net $U%$H$D@tcp-daemon\n.COM $U%$H$D@tcp-daemon\n${CH}`,
      errors: [{ message: SAME('.COM', 'imta.cnf:1'), line: 3, column: 1, endLine: 3, endColumn: 24 }],
    },
    {
      name: 'a rule after an unconditional one',
      files: `.x $E$U@a-daemon\n.x $U@b-daemon\n.x $U@c-daemon\n${CH}`,
      errors: [{ message: DEAD('.x', 'imta.cnf:2', '$U@b-daemon'), line: 3, column: 1, endColumn: 15 }],
    },
    {
      name: 'across an included rule file',
      files: { 'imta.cnf': `<inc.rules\n.com $U%$H@tcp-daemon\n${CH}`, 'inc.rules': '.com $U%$H$D@tcp-daemon\n' },
      errors: [{ message: DEAD('.com', 'inc.rules:1', '$U%$H$D@tcp-daemon'), line: 2, column: 1, endColumn: 22 }],
    },
    {
      name: 'an identical copy after a conditional rule',
      files: `. $E$U%$H@tcp-daemon\n. $E$U%$H@tcp-daemon\n${CH}`,
      errors: [{ message: SAME('.', 'imta.cnf:1'), line: 2, column: 1, endColumn: 21 }],
    },
  ],
});
