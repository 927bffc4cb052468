import rule from '../../rules/local-channel-first.js';
import { ruleTester } from '../helpers/rule-tester.js';

const HEAD = (first: string) =>
  `the first channel is '${first}', but the MTA expects the local channel 'l' as the first channel block (only defaults and nodefaults may come before it)`;

ruleTester(rule, {
  valid: [
    { name: 'l first', files: 'a $U@a\n\nl\nlocal\n\ntcp_local smtp\ntcp-daemon\n' },
    { name: 'defaults and nodefaults before l', files: 'a $U@a\n\ndefaults logging\n\nnodefaults\n\nl\nlocal\n' },
    { name: 'a fragment need not start with l', fragment: 'channels', files: 'tcp_local smtp\ntcp-daemon\n' },
    { name: 'an explicitly incomplete scope', files: 'a $U@a\n\ntcp_local smtp\ntcp-daemon\n', scope: { complete: false } },
    { name: 'rules swallowed before l do not count', files: 'a $U@a\n\nb $U@tcp-daemon\n\nl\nlocal\n' },
    { name: 'an indented comment block before l does not count', files: 'a $U@a\n\n  ! Part II\n\nl\nlocal\n' },
    { name: 'no channels at all: left to missing-channel-table', files: 'a $U@a\n' },
    { name: 'l first in an included channel file', files: { 'imta.cnf': 'a $U@a\n\n<channels.cnf\n', 'channels.cnf': 'l\nlocal\n\ntcp_local smtp\ntcp-daemon\n' } },
  ],
  invalid: [
    {
      name: 'l comes later',
      files: 'a $U@a\n\ntcp_local smtp\ntcp-daemon\n\nl\nlocal\n',
      errors: [{ message: `${HEAD('tcp_local')}; move the 'l' block (imta.cnf:6) above 'tcp_local'`, line: 3, column: 1, endLine: 3, endColumn: 10 }],
    },
    {
      name: 'no l at all',
      files: 'a $U@a\n\ndefaults logging\n\ntcp_local smtp\ntcp-daemon\n',
      errors: [{ message: `${HEAD('tcp_local')}, and there is no 'l' channel: add an 'l' block, with this host's official name on its second line, above 'tcp_local'`, line: 5, column: 1, endColumn: 10 }],
    },
    {
      name: 'upper-case L',
      files: 'a $U@a\n\nL\nlocal\n',
      errors: [{ message: `${HEAD('L')}; channel names are lower case: rename 'L' to 'l'`, line: 3, column: 1, endColumn: 2 }],
    },
  ],
});
