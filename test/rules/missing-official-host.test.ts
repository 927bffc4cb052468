import rule from '../../rules/missing-official-host.js';
import { ruleTester } from '../helpers/rule-tester.js';

const NO_HOST = (ch: string) =>
  `channel '${ch}' has no official host name line: cnbuild fails with 'no official host name for channel'; put the channel's official host name (e.g. '${ch}-daemon') on the line after its keyword line`;

ruleTester(rule, {
  valid: [
    { name: 'every block has line 2', fragment: 'channels', files: 'l\nmail.example.com\n\ntcp_local smtp\ntcp-daemon\n\nbitbucket\nbitbucket-daemon\n' },
    { name: 'comment between keyword line and host line', fragment: 'channels', files: 'tcp_local smtp mx\n! the tag\ntcp-daemon\n' },
    { name: 'defaults need no host line', fragment: 'channels', files: 'defaults logging\n\nnodefaults\n\nl\nlocal\n' },
    { name: 'swallowed rewrite rules are left to blank-line-in-rewrite-rules', files: 'a $U@a\n\nb $U@tcp-daemon\n\nl\nlocal\n' },
    { name: 'an indented comment line is left to misplaced-comment', fragment: 'channels', files: 'l\nlocal\n\n  ! comment\n\ntcp_local smtp\ntcp-daemon\n' },
  ],
  invalid: [
    {
      name: 'ms63 "new channel" example as stored: the last line ends in a broken continuation',
      fragment: 'channels',
      files: 'tcp_siroe smtp nomx single_sys remotehost inner allowswitchchannel     \\\ndentnonenumeric subdirs 20 maxjobs 7 pool SMTP_SIROE maytlsserver      \\\nmaysaslserver saslswitchchannel tcp_auth missingrecipientpolicy 0      \\    \n',
      errors: [{ message: NO_HOST('tcp_siroe'), line: 1, column: 1, endLine: 1, endColumn: 10 }],
    },
    {
      name: 'a block of one line between others',
      fragment: 'channels',
      files: 'l\nlocal\n\nreprocess\n\nbitbucket\nbitbucket-daemon\n',
      errors: [{ message: NO_HOST('reprocess'), line: 4, column: 1, endColumn: 10 }],
    },
    {
      name: 'a blank line between line 1 and line 2',
      fragment: 'channels',
      files: 'l\nlocal\n\ntcp_local smtp mx\n\ntcp-daemon\n\nbitbucket\nbitbucket-daemon\n',
      errors: [
        {
          message:
            "blank line between channel 'tcp_local' and its official host name 'tcp-daemon': the block ends at the blank line, so cnbuild fails with 'no official host name for channel' and 'tcp-daemon' is read as a channel of its own; delete the blank line",
          line: 5,
          column: 1,
          endColumn: 1,
        },
      ],
    },
    {
      name: 'a channel-like word after the blank line is a channel of its own',
      fragment: 'channels',
      files: 'tcp_local smtp mx\n\nreprocess\n',
      errors: [
        { message: NO_HOST('tcp_local'), line: 1, column: 1, endColumn: 10 },
        { message: NO_HOST('reprocess'), line: 3, column: 1, endColumn: 10 },
      ],
    },
  ],
});
