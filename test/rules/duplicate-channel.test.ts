import rule from '../../rules/duplicate-channel.js';
import { ruleTester } from '../helpers/rule-tester.js';

const MSG = (name: string, at: string, as = '') =>
  `channel '${name}' is already defined at ${at}${as}: a channel name names one queue, option file and job controller section, so the MTA cannot use both blocks as written; rename this channel or merge the two blocks`;

ruleTester(rule, {
  valid: [
    { name: 'distinct names', fragment: 'channels', files: 'l\nlocal\n\ntcp_local smtp\ntcp-daemon\n\ntcp_intranet smtp\ntcp_intranet-daemon\n' },
    {
      name: 'a rewrite rule swallowed after a stray blank line with a channel name as pattern (examples/broken)',
      files: 'a $U@a\n\nhold $E$U%hold.x@hold-daemon\n\nl\nlocal\n\nhold\nhold-daemon\n',
    },
  ],
  invalid: [
    {
      name: 'same name twice',
      fragment: 'channels',
      files: 'l\nlocal\n\ntcp_local smtp\ntcp-daemon\n\ntcp_local smtp mx\ntcp2-daemon\n',
      errors: [{ message: MSG('tcp_local', 'imta.cnf:4'), line: 7, column: 1, endLine: 7, endColumn: 10 }],
    },
    {
      name: 'case-insensitive, across an included file',
      files: { 'imta.cnf': 'a $U@a\n\nl\nlocal\n\n<more.cnf\n', 'more.cnf': 'L\nother\n' },
      errors: [{ file: 'more.cnf', message: MSG('L', 'imta.cnf:3', " (as 'l')"), line: 1, column: 1, endColumn: 2 }],
    },
  ],
});
