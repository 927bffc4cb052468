import rule from '../../rules/keyword-arguments.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

// A complete configuration around one channel line (rules, l, the channel under test).
const conf = (channelLine: string) => `a $U@local\n\nl\nlocal\n\n${channelLine}\ntcp-daemon\n\ntcp_auth smtp\ntcp_auth-daemon\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'well-formed arguments of every shape',
      files: conf(
        'tcp_local smtp maxjobs 7 pool SMTP_POOL saslswitchchannel tcp_auth \\\n' +
          '  backoff "pt5m" "pt10m" "pt1h" "p1d" "P1DT2H" notices 1 2 4 7 \\\n' +
          '  defaulthost siroe.com mail.siroe.com missingrecipientpolicy -1 \\\n' +
          '  fileinto $U+$S@$D filter file:///opt/sun/comms/messaging64/data/site-programs/$U.filter',
      ),
    },
    { name: 'a chan argument naming no channel is not checked in a fragment', fragment: 'channels', files: 'tcp_local saslswitchchannel tcp_auth\ntcp-daemon\n' },
    {
      name: 'a channel name that is also a keyword is a channel when the channel exists',
      files: 'a $U@local\n\nl\nlocal\n\ntcp_local alternatechannel bitbucket\ntcp-daemon\n\nbitbucket\nbitbucket-daemon\n',
    },
    { name: '12-character pool name (the 2005Q4 guide\'s own hotmail_pool)', fragment: 'channels', files: 'tcp_x pool hotmail_pool\nx\n' },
    { name: 'interfaceaddress with an IPv4 or IPv6 address', fragment: 'channels', files: 'tcp_x smtp interfaceaddress 192.0.2.25\nx\n\ntcp_y smtp interfaceaddress 2001:db8::25\ny\n' },
    {
      name: 'a long URL argument is allowed up to 256 characters',
      fragment: 'channels',
      files: `l filter file:///${'x'.repeat(200)}\nlocal\n`,
    },
  ],
  invalid: [
    {
      name: 'interfaceaddress with a host name, or with a keyword where the address should be',
      fragment: 'channels',
      files: 'tcp_x smtp interfaceaddress mail.siroe.com\nx\n\ntcp_y interfaceaddress smtp\ny\n',
      errors: [
        {
          message: "'interfaceaddress' needs an IP address (such as 192.0.2.25), but 'mail.siroe.com' is not one: the channel's outgoing connections cannot bind to it; write the local IP address to send from",
          line: 1,
          column: 29,
          endColumn: 43,
        },
        {
          message: "'interfaceaddress' takes the keyword 'smtp' as its IP address: its own argument is missing on channel 'tcp_y', and 'smtp' does not take effect; write the argument after 'interfaceaddress'",
          line: 4,
          column: 24,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'missing argument at the end of the line',
      fragment: 'channels',
      files: 'tcp_local smtp pool\ntcp-daemon\n',
      errors: [
        {
          message: "'pool' needs a name after it, but nothing follows on the line: the MTA has no value for it; add the pool name or remove the keyword",
          line: 1,
          column: 16,
          endColumn: 20,
        },
      ],
    },
    {
      name: 'a keyword taken as the pool name',
      fragment: 'channels',
      files: 'tcp_local pool maytlsserver\ntcp-daemon\n',
      errors: [
        {
          message:
            "'pool' takes the keyword 'maytlsserver' as its name: its own argument is missing on channel 'tcp_local', and 'maytlsserver' does not take effect; write the argument after 'pool'",
          line: 1,
          column: 16,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'not an integer; a keyword where the integer should be',
      fragment: 'channels',
      files: 'tcp_local maxjobs seven \\\n  subdirs pool IMS_POOL\ntcp-daemon\n',
      errors: [
        { message: "'maxjobs' needs an integer, but 'seven' is not one: the MTA cannot use this value; write a whole number", line: 1, column: 19, endColumn: 24 },
        {
          message: "'subdirs' needs an integer, but the keyword 'pool' follows it: the number is missing and 'pool' is taken as the value of 'subdirs'; write the number after 'subdirs'",
          line: 2,
          column: 11,
          endColumn: 15,
        },
      ],
    },
    {
      name: 'b%v integer: warning with a fix',
      fragment: 'channels',
      files: 'tcp_local maxjobs 16%A\ntcp-daemon\n',
      errors: [
        {
          message: "'16%A' is an integer in the b%v form (= 10), which is documented for option files, not for channel keywords; write 10",
          line: 1,
          column: 19,
          endColumn: 23,
          severity: 'warning',
        },
      ],
      output: 'tcp_local maxjobs 10\ntcp-daemon\n',
    },
    {
      name: 'chan argument naming no channel (complete file), with a did-you-mean',
      files: conf('tcp_local saslswitchchannel tcp_auht'),
      errors: [
        {
          message: "'saslswitchchannel' names channel 'tcp_auht', which imta.cnf does not define: channel 'tcp_local' cannot use a channel that does not exist; did you mean 'tcp_auth'?",
          line: 6,
          column: 29,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'notificationchannel naming no channel: the MTA falls back to process',
      files: conf('tcp_local notificationchannel notify'),
      errors: [
        {
          message:
            "'notificationchannel' names channel 'notify', which imta.cnf does not define: the MTA silently queues these notifications to the process channel instead; define the channel or correct the name",
          line: 6,
          column: 31,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'durations: unit-less, not a duration, curly quotes (fixed), unterminated',
      fragment: 'channels',
      files: 'tcp_local backoff "pt5m" "pt10" "5m" \u201Cpt1h\u201D "p1d\ntcp-daemon\n',
      errors: [
        {
          message:
            'duration \'pt10\' of \'backoff\' has no unit after its last number: it is not an ISO 8601 duration and the MTA may not read it as meant; write e.g. "pt10m" (minutes) or "pt10h" (hours)',
          line: 1,
          column: 26,
          endColumn: 32,
          severity: 'warning',
        },
        { message: '\'5m\' is not an ISO 8601 duration: \'backoff\' cannot use it as a retry interval; write e.g. "pt30m", "pt2h" or "p1d"', line: 1, column: 33, endColumn: 37 },
        {
          message: 'argument \u201Cpt1h\u201D of \'backoff\' uses typographic quotes; the MTA only knows the ASCII double quote \'"\' (pasted from a manual?): write "pt1h"',
          line: 1,
          column: 38,
          endColumn: 44,
        },
        {
          message: 'argument "p1d of \'backoff\' has no closing quote: the MTA may take the rest of the line as part of it and lose the keywords that follow; add the closing \'"\'',
          line: 1,
          column: 45,
          endColumn: 49,
          severity: 'error',
        },
      ],
      output: 'tcp_local backoff "pt5m" "pt10" "5m" "pt1h" "p1d\ntcp-daemon\n',
    },
    {
      name: 'unquoted durations after backoff get quotes',
      fragment: 'channels',
      files: 'tcp_local backoff pt5m PT1H maxjobs 2\ntcp-daemon\n',
      errors: [
        {
          message: 'duration pt5m needs double quotes: without them the MTA does not read it as a retry interval but as an unknown keyword (a UNIX group id); write "pt5m"',
          line: 1,
          column: 19,
          endColumn: 23,
        },
        {
          message: 'duration PT1H needs double quotes: without them the MTA does not read it as a retry interval but as an unknown keyword (a UNIX group id); write "PT1H"',
          line: 1,
          column: 24,
          endColumn: 28,
        },
      ],
      output: 'tcp_local backoff "pt5m" "PT1H" maxjobs 2\ntcp-daemon\n',
    },
    {
      name: 'pool names longer than 12 characters (bytes)',
      fragment: 'channels',
      files: 'tcp_b queue ABCDEFGHIJKLM\nb\n\ntcp_c pool \u00C4BCDEFGHIJKL\nc\n',
      errors: [
        { message: "pool name 'ABCDEFGHIJKLM' is 13 characters long; the Job Controller allows at most 12: shorten it here and in its [POOL=…] section", line: 1, column: 13, endColumn: 26 },
        { message: "pool name '\u00C4BCDEFGHIJKL' is 13 bytes long; the Job Controller allows at most 12: shorten it here and in its [POOL=…] section", line: 4, column: 12, endColumn: 24 },
      ],
    },
    {
      name: 'argument longer than 40 characters',
      fragment: 'channels',
      files: `tcp_local daemon ${'h'.repeat(30)}.example.com aliasdetourhost ${'d'.repeat(41)}\ntcp-daemon\n`,
      errors: [{ message: "the argument of 'aliasdetourhost' is 41 characters long; the MTA accepts at most 40 for this keyword: shorten it", line: 1, column: 77, endColumn: 118 }],
    },
    {
      name: 'the length limits are options',
      fragment: 'channels',
      options: { maxArgumentLength: 10, maxLongArgumentLength: 20 },
      files: 'tcp_local daemon abcdefghijklmnopqrstu aliasdetourhost abcdefghijk\ntcp-daemon\n',
      errors: [
        { message: "the argument of 'daemon' is 21 characters long; the MTA accepts at most 20 for this keyword: shorten it", line: 1, column: 18, endColumn: 39 },
        { message: "the argument of 'aliasdetourhost' is 11 characters long; the MTA accepts at most 10 for this keyword: shorten it", line: 1, column: 56, endColumn: 67 },
      ],
    },
    {
      name: 'defaults lines are checked too',
      fragment: 'channels',
      files: 'defaults maxjobs x\n\nl\nlocal\n',
      errors: [{ message: "'maxjobs' needs an integer, but 'x' is not one: the MTA cannot use this value; write a whole number", line: 1, column: 18, endColumn: 19 }],
    },
  ],
});

describe('keyword-arguments severities', () => {
  test('lesser findings are warnings, the rest use the rule severity', () => {
    const { reports } = runRule(rule, {
      files: conf('tcp_local maxjobs 8%7 backoff "pt10" dispositionchannel mdn saslswitchchannel nowhere maxjobs x'),
    });
    expect(reports.map((r) => [r.column, r.severity])).toEqual([
      [19, 'warning'],
      [31, 'warning'],
      [57, 'warning'],
      [79, undefined],
      [95, undefined],
    ]);
  });
});
