import rule from '../../rules/channel-block-separation.js';
import { ruleTester } from '../helpers/rule-tester.js';

const MSG = (name: string, prev: string, official = false) =>
  `channel '${name}' is not separated from '${prev}' by a blank line; the MTA reads its line as ${official ? 'the official host name' : 'an extra host name'} of '${prev}' and the channel does not exist; insert a blank line before it`;

ruleTester(rule, {
  valid: [
    { name: 'separated blocks', fragment: 'channels', files: 'tcp_auth smtp mx\ntcp_auth-daemon\n\ntcp_submit submit smtp\ntcp_submit-daemon\n' },
    { name: 'extra host names with proper names', fragment: 'channels', files: 'a_channel 822\na\ne\nf.example.com g.example.com\n' },
    {
      name: 'a wrapped keyword list on line 2 with the tag on line 3 (2005Q4 typical entry)',
      fragment: 'channels',
      files: 'tcp_intranet smtp mx single_sys subdirs 20 noreverse maxjobs 7 SMTP_POOL\nmaytlsserver allowswitchchannel saslswitchchannel tcp_auth\ntcp_intranet-daemon\n',
    },
    { name: 'official host with local host alias', fragment: 'channels', files: 'tcp_firewall smtp mx daemon router\nTCP-DAEMON firewall.acme.com\n' },
    { name: 'extra host named like a keyword', fragment: 'channels', files: 'tcp_x smtp\ntcp_x-daemon\nmaster\n' },
    {
      name: 'rewrite rules swallowed after a stray blank line are not channels',
      files: 'a $U@a\n\nhold $E$U%hold.x@hold-daemon\nhold.x $E$U%hold.x@hold-daemon\n. $U%$H@tcp-daemon\n\nl\nlocal\n',
    },
  ],
  invalid: [
    {
      name: 'the next channel becomes an extra host line (comment kept with its block)',
      fragment: 'channels',
      files:
        'tcp_auth smtp mx single_sys mustsaslserver\ntcp_auth-daemon\n! tcp_submit: port 587\ntcp_submit submit smtp mx pool SMTP_POOL\ntcp_submit-daemon\n\nbitbucket\nbitbucket-daemon\n',
      errors: [{ message: MSG('tcp_submit', 'tcp_auth'), line: 4, column: 1, endLine: 4, endColumn: 41 }],
      output:
        'tcp_auth smtp mx single_sys mustsaslserver\ntcp_auth-daemon\n\n! tcp_submit: port 587\ntcp_submit submit smtp mx pool SMTP_POOL\ntcp_submit-daemon\n\nbitbucket\nbitbucket-daemon\n',
    },
    {
      name: 'three blocks run together; continued keyword line; CRLF',
      fragment: 'channels',
      files: 'tcp_a smtp\r\ntcp_a-daemon\r\ntcp_b smtp mx \\\r\n  single_sys\r\ntcp_b-daemon\r\ntcp_c smtp\r\ntcp_c-daemon\r\n',
      errors: [
        { message: MSG('tcp_b', 'tcp_a'), line: 3, column: 1, endLine: 4, endColumn: 13 },
        { message: MSG('tcp_c', 'tcp_b'), line: 6, column: 1, endColumn: 11 },
      ],
      output: 'tcp_a smtp\r\ntcp_a-daemon\r\n\r\ntcp_b smtp mx \\\r\n  single_sys\r\ntcp_b-daemon\r\n\r\ntcp_c smtp\r\ntcp_c-daemon\r\n',
    },
    {
      name: 'a channel without keywords: name then its -daemon tag',
      fragment: 'channels',
      files: 'process\nprocess-daemon\nbitbucket\nbitbucket-daemon\n',
      errors: [{ message: MSG('bitbucket', 'process'), line: 3, column: 1, endLine: 3, endColumn: 10 }],
      output: 'process\nprocess-daemon\n\nbitbucket\nbitbucket-daemon\n',
    },
    {
      name: 'a channel line on line 2: only suggested (the channel above would lose its host line)',
      fragment: 'channels',
      files: 'tcp_auth smtp mx\ntcp_submit submit smtp mx\ntcp_submit-daemon\n',
      errors: [{ message: MSG('tcp_submit', 'tcp_auth', true), line: 2, column: 1, endColumn: 26 }],
    },
  ],
});
