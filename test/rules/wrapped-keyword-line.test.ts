import rule from '../../rules/wrapped-keyword-line.js';
import { ruleTester } from '../helpers/rule-tester.js';

const HEAD = (ch: string) => `the keyword list of channel '${ch}' goes on on this line without a '\\' at the end of the line before: the MTA reads `;

ruleTester(rule, {
  valid: [
    { name: 'continued with a backslash', fragment: 'channels', files: 'tcp_intranet smtp mx \\\n  maytlsserver allowswitchchannel\ntcp_intranet-daemon\n' },
    { name: 'official host with local host alias', fragment: 'channels', files: 'tcp_firewall smtp mx daemon router\nTCP-DAEMON firewall.acme.com\n' },
    { name: 'a host name that is also a keyword, alone', fragment: 'channels', files: 'tcp_x smtp\nmaster\n' },
    { name: 'a keyword-named host with a dotted alias', fragment: 'channels', files: 'tcp_x smtp\nmaster mail.example.com\n' },
    { name: 'extra host lines with proper names', fragment: 'channels', files: 'a_channel 822\na\ne f.example.com\n' },
    {
      name: 'a broken continuation is left to broken-continuation',
      fragment: 'channels',
      files: 'tcp_intranet smtp mx \\  \nmaytlsserver allowswitchchannel\ntcp_intranet-daemon\n',
    },
    { name: 'the next channel without a blank line is left to channel-block-separation', fragment: 'channels', files: 'tcp_auth smtp\ntcp_auth-daemon\ntcp_submit submit smtp\ntcp_submit-daemon\n' },
  ],
  invalid: [
    {
      name: '2005Q4 typical channel entry: fixed, the tag line stays the official host',
      fragment: 'channels',
      files: 'tcp_intranet smtp mx single_sys subdirs 20 noreverse maxjobs 7 SMTP_POOL\nmaytlsserver allowswitchchannel saslswitchchannel tcp_auth\ntcp_intranet-daemon\n',
      errors: [
        {
          message:
            HEAD('tcp_intranet') +
            "'maytlsserver' as the channel's official host name, 'allowswitchchannel' as its local host alias and ignores 'saslswitchchannel tcp_auth', so 'maytlsserver allowswitchchannel saslswitchchannel tcp_auth' never take effect as keywords; end the line before with ' \\'",
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 59,
        },
      ],
      output: 'tcp_intranet smtp mx single_sys subdirs 20 noreverse maxjobs 7 SMTP_POOL \\\nmaytlsserver allowswitchchannel saslswitchchannel tcp_auth\ntcp_intranet-daemon\n',
    },
    {
      name: 'wrapped over two lines, trailing blank kept, comment in between, CRLF',
      fragment: 'channels',
      files: 'tcp_local smtp mx \r\n! keywords\r\n  maxjobs 7\r\n  "pt5m" pool SMTP_POOL\r\ntcp-daemon\r\n',
      errors: [
        { message: HEAD('tcp_local') + "'maxjobs' as the channel's official host name and '7' as its local host alias, so 'maxjobs 7' never take effect as keywords; end the line before with ' \\'", line: 3, column: 3, endColumn: 12 },
        {
          message: HEAD('tcp_local') + "'\"pt5m\"' as an extra host name of the channel, 'pool' as its proper name and ignores 'SMTP_POOL', so '\"pt5m\" pool SMTP_POOL' never take effect as keywords; end the line before with ' \\'",
          line: 4,
          column: 3,
          endColumn: 24,
        },
      ],
      output: 'tcp_local smtp mx \\\r\n! keywords\r\n  maxjobs 7 \\\r\n  "pt5m" pool SMTP_POOL\r\ntcp-daemon\r\n',
    },
    {
      name: 'no host line after it: reported without a fix (the block would lose its only host line)',
      fragment: 'channels',
      files: 'tcp_local smtp\nmx single_sys\n\nl\nlocal\n',
      errors: [{ message: HEAD('tcp_local') + "'mx' as the channel's official host name and 'single_sys' as its local host alias, so 'mx single_sys' never take effect as keywords; end the line before with ' \\'", line: 2, column: 1, endColumn: 14 }],
    },
    {
      name: 'the line after it starts another channel: no fix',
      fragment: 'channels',
      files: 'tcp_local smtp\nmx single_sys\nbitbucket\nbitbucket-daemon\n',
      errors: [{ message: "the keyword list of channel 'tcp_local' goes on on this line without a '\\' at the end of the line before: the MTA reads 'mx' as the channel's official host name and 'single_sys' as its local host alias, so 'mx single_sys' never take effect as keywords; end the line before with ' \\'", line: 2, column: 1, endColumn: 14 }],
    },
    {
      name: 'a two-word line after it: no fix',
      fragment: 'channels',
      files: 'tcp_local smtp\nmx single_sys\ntcp-daemon x.example.com\n',
      errors: [{ message: "the keyword list of channel 'tcp_local' goes on on this line without a '\\' at the end of the line before: the MTA reads 'mx' as the channel's official host name and 'single_sys' as its local host alias, so 'mx single_sys' never take effect as keywords; end the line before with ' \\'", line: 2, column: 1, endColumn: 14 }],
    },
  ],
});
