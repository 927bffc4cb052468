import rule from '../../rules/unknown-routing-host.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const CHANNELS = '\nl\nmail.siroe.com\n\ntcp_local smtp\ntcp-daemon\n\ntcp_intranet smtp\ntcp_intranet-daemon\nlegacy.siroe.com\n';
const MSG = (pattern: string, host: string, hint: string) =>
  `rule '${pattern}' routes to '${host}', which is not the official or an extra host name of any channel: the addresses it rewrites are rejected (illegal host/domain); ${hint}`;

ruleTester(rule, {
  valid: [
    {
      name: 'official and extra host names, case-insensitively; controls after the host',
      files:
        'siroe.com $U%$D@MAIL.siroe.com\n.siroe.com $U%$H$D@tcp_intranet-daemon$Nverify\nold $U%old@legacy.siroe.com\n. $U%$H@tcp-daemon\n' + CHANNELS,
    },
    {
      name: 'hosts built at run time, re-rewrites and error-only rules are not checked',
      files: '.lmtp $B$F$U%$H@$H@$&0-daemon\n.x $U%$H\n* $U%$&0.siroe.com\n[] $E$U%[$L]@$[IMTA_LIBUTIL,hostName,$L]\nbad $?No such host\n' + CHANNELS,
    },
    { name: 'a rules-only fragment does not show the channel table', fragment: 'rules', files: 'a $U@nowhere-daemon\n' },
    { name: 'no channel table at all is missing-channel-table\'s root cause', files: 'a $U@nowhere-daemon\n' },
    { name: 'an indented ! comment line in the rules is left to misplaced-comment', files: 'a $U@mail.siroe.com\n  ! route to @x-daemon\n' + CHANNELS },
  ],
  invalid: [
    {
      name: 'a channel that was never added',
      files: 'mail.siroe.com $U%mail.siroe.com@mail.siroe.com\nsales.siroe.com               $U%sales.siroe.com@tcp_siroe-daemon\n' + CHANNELS,
      errors: [{ message: MSG('sales.siroe.com', 'tcp_siroe-daemon', 'add a channel with this host name, or correct the host'), line: 2, column: 50, endLine: 2, endColumn: 66 }],
    },
    {
      name: 'a misspelled host name; $N control after it is not part of the host',
      files: '.siroe.com $U%$H$D@tcp_intranet-deamon$Nverify\n' + CHANNELS,
      errors: [{ message: MSG('.siroe.com', 'tcp_intranet-deamon', "did you mean 'tcp_intranet-daemon'?"), line: 1, column: 20, endColumn: 39 }],
    },
    {
      name: 'a channel name instead of its host name',
      files: '. $U%$H@tcp_local\n' + CHANNELS,
      errors: [{ message: MSG('.', 'tcp_local', "'tcp_local' is a channel name: route to its official host name 'tcp-daemon'"), line: 1, column: 9, endColumn: 18 }],
    },
    {
      name: 'a template continued over two lines: the range is in the source',
      files: 'a $U%a.siroe.com@\\\nnowhere-daemon\n' + CHANNELS,
      errors: [{ message: MSG('a', 'nowhere-daemon', 'add a channel with this host name, or correct the host'), line: 2, column: 1, endLine: 2, endColumn: 15 }],
    },
    {
      name: 'rules in an included file',
      files: { 'imta.cnf': 'a $U@mail.siroe.com\n<IMTA_TABLE:internet.rules\n' + CHANNELS, 'internet.rules': '.com $U%$H$D@tcp-deamon\n' },
      errors: [{ file: 'internet.rules', message: MSG('.com', 'tcp-deamon', "did you mean 'tcp-daemon'?"), line: 1, column: 14, endColumn: 24 }],
    },
  ],
});

test('unknown-routing-host suggests the host name', () => {
  const { reports } = runRule(rule, { files: '. $U%$H@tcp_local\n' + CHANNELS });
  expect(reports[0].suggestions?.map((s) => [s.description, s.edits[0].start, s.edits[0].end, s.edits[0].text])).toEqual([["route to 'tcp-daemon'", 8, 17, 'tcp-daemon']]);
});
