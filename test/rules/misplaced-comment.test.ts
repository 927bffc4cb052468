import rule from '../../rules/misplaced-comment.js';
import { ruleTester } from '../helpers/rule-tester.js';

const NOT_COL1 = "'!' is not in column 1, so this line is not a comment";
const OWN_LINE = "put the comment on a line of its own with '!' in column 1";
const MOVE = "move the '!' to column 1";

ruleTester(rule, {
  valid: [
    { name: 'comments in column 1 everywhere', files: '! rules\na $U@a\n!\n\n! channels\nl\n! host\nlocal\n' },
    { name: '! inside words and templates', files: 'a $U@a!b\n$! $U@bang-daemon\n\nl\nlocal\n' },
    { name: '! in $? error text', files: '. $?Unknown address ! contact postmaster\n\nl\nlocal\n' },
    { name: 'quoted !', fragment: 'channels', files: 'tcp_x description "! not a comment"\ntcp_x-daemon\n' },
    { name: '! after the second word of a host line is ignored by the MTA', fragment: 'channels', files: 'tcp_local smtp\ntcp-daemon x.example.com ! note\n' },
  ],
  invalid: [
    {
      name: 'trailing comment on a channel line',
      fragment: 'channels',
      files: 'tcp_local smtp ! outbound  \ntcp-daemon\n',
      errors: [
        {
          message: `'!' does not start a comment on a channel line: the MTA reads '! outbound' as keywords of channel 'tcp_local', and unknown keywords become UNIX group ids that restrict who may queue mail to it; ${OWN_LINE}`,
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'trailing comment on a continued channel line covers its physical line only',
      fragment: 'channels',
      files: 'tcp_local smtp !outbound \\\n  mx\ntcp-daemon\n',
      errors: [{ message: "'!' does not start a comment on a channel line: the MTA reads '!outbound' as keywords of channel 'tcp_local', and unknown keywords become UNIX group ids that restrict who may queue mail to it; put the comment on a line of its own with '!' in column 1", line: 1, column: 16, endLine: 1, endColumn: 25 }],
    },
    {
      name: 'defaults line',
      fragment: 'channels',
      files: 'defaults logging ! all channels\n\nl\nlocal\n',
      errors: [{ message: "'!' does not start a comment on a defaults line: the MTA reads '! all channels' as default keywords for the channels after it, and unknown keywords become UNIX group ids that restrict who may queue mail to them; put the comment on a line of its own with '!' in column 1", line: 1, column: 18, endColumn: 32 }],
    },
    {
      name: 'indented comment line in the channel table: a channel named !',
      fragment: 'channels',
      files: 'l\nlocal\n\n  ! tcp_local: the Internet\ntcp_local smtp\ntcp-daemon\n',
      errors: [{ message: `${NOT_COL1}: the MTA reads it as the first line of a channel named '!' and the lines after it as that channel's host names; ${MOVE}`, line: 4, column: 3, endLine: 4, endColumn: 28 }],
      output: 'l\nlocal\n\n! tcp_local: the Internet\ntcp_local smtp\ntcp-daemon\n',
    },
    {
      name: 'indented comment as line 2 and line 3, CRLF',
      fragment: 'channels',
      files: 'tcp_local smtp\r\n\t!the tag:\r\ntcp-daemon\r\n  ! more\r\n',
      errors: [
        { message: `${NOT_COL1}: the MTA reads '!the' as the official host name of channel 'tcp_local'; ${MOVE}`, line: 2, column: 2, endColumn: 11 },
        { message: `${NOT_COL1}: the MTA reads '!' as an extra host name of channel 'tcp_local'; ${MOVE}`, line: 4, column: 3, endColumn: 9 },
      ],
      output: 'tcp_local smtp\r\n!the tag:\r\ntcp-daemon\r\n! more\r\n',
    },
    {
      name: 'trailing comment on the official host line',
      fragment: 'channels',
      files: 'tcp_local smtp\ntcp-daemon ! tag\n',
      errors: [{ message: `'!' does not start a comment on a host line: the MTA reads '!' as the local host alias of 'tcp-daemon'; ${OWN_LINE}`, line: 2, column: 12, endColumn: 17 }],
    },
    {
      name: 'indented comment in the rule section',
      files: 'a $U@a\n   ! local rules\nb $U@b\n\nl\nlocal\n',
      errors: [{ message: `${NOT_COL1}: the MTA reads it as a rewrite rule with the pattern '!'; ${MOVE}`, line: 2, column: 4, endLine: 2, endColumn: 17 }],
      output: 'a $U@a\n! local rules\nb $U@b\n\nl\nlocal\n',
    },
    {
      name: 'trailing comment after a rule',
      files: 'a $U@a-daemon  ! the a host\n\nl\nlocal\n',
      errors: [{ message: `'!' does not start a comment after a rewrite rule: the MTA reads '! the a host' as part of the template of 'a'; ${OWN_LINE}`, line: 1, column: 16, endColumn: 28 }],
    },
  ],
});
