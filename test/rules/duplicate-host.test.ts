import rule from '../../rules/duplicate-host.js';
import { ruleTester } from '../helpers/rule-tester.js';

const MSG = (host: string, role: string, ch: string, firstRole: string, owner: string, at: string) =>
  `host name '${host}' (${role} of '${ch}') is already the ${firstRole} of ${owner} at ${at}: cnbuild fails with 'duplicate host in channel table'; keep the name on one channel only`;

ruleTester(rule, {
  valid: [
    { name: 'distinct hosts', fragment: 'channels', files: 'l\nmail.example.com\n\ntcp_local smtp\ntcp-daemon\nsmtp.example.com\n' },
    { name: 'the same name as host and local host alias', fragment: 'channels', files: 'l\nmail.example.com\n\ntcp_local smtp\ntcp-daemon mail.example.com\n' },
    {
      name: 'rules swallowed after a stray blank line (two [] lines: examples/broken)',
      files: 'a $U@a\n\nhold $E$U%hold.x@hold-daemon\n[] $E$R${INTERNAL_IP,$L}$U%[$L]@tcp_intranet-daemon\n[] $U%[$L]@tcp-daemon\n\nl\nlocal\n',
    },
    {
      name: 'wrapped keyword lines are left to wrapped-keyword-line',
      fragment: 'channels',
      files: 'tcp_a smtp\nmaytlsserver allowswitchchannel\ntcp_a-daemon\n\ntcp_b smtp\nmaytlsserver allowswitchchannel\ntcp_b-daemon\n',
    },
    { name: 'misplaced comments are left to misplaced-comment', fragment: 'channels', files: 'tcp_a smtp\ntcp_a-daemon\n  !\n\ntcp_b smtp\ntcp_b-daemon\n  !\n' },
  ],
  invalid: [
    {
      name: 'official host name twice',
      fragment: 'channels',
      files: 'tcp_local smtp\ntcp-daemon\n\ntcp_intranet smtp\nTCP-DAEMON\n',
      errors: [{ message: MSG('TCP-DAEMON', 'official host name', 'tcp_intranet', 'official host name', "channel 'tcp_local'", 'imta.cnf:2'), line: 5, column: 1, endLine: 5, endColumn: 11 }],
    },
    {
      name: 'extra host name equal to another official host; twice in one block',
      fragment: 'channels',
      files: 'l\nmail.example.com\n\ntcp_local smtp\ntcp-daemon\nmail.example.com\nx.example.com y.example.com\nx.example.com\n',
      errors: [
        { message: MSG('mail.example.com', 'extra host name', 'tcp_local', 'official host name', "channel 'l'", 'imta.cnf:2'), line: 6, column: 1, endColumn: 17 },
        { message: MSG('x.example.com', 'extra host name', 'tcp_local', 'extra host name', 'this channel', 'imta.cnf:7'), line: 8, column: 1, endColumn: 14 },
      ],
    },
  ],
});
