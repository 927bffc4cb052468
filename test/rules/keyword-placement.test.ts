import rule from '../../rules/keyword-placement.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const cnf = (blocks: string) => `a.example $U@a.example\n\nl subaddresswild\na.example\n\n${blocks}`;

ruleTester(rule, {
  valid: [
    {
      name: 'each keyword where it belongs',
      files: cnf('tcp_intranet smtp dequeue_removeroute expandlimit 100\ntcp_intranet-daemon\n\nims-ms aliaslocal subaddressexact\nims-ms-daemon\n\nlocal_mail headeromit\nlocal-daemon\n'),
    },
    {
      name: 'defaults lines are not judged (they apply to every channel by design)',
      files: 'a.example $U@a.example\n\ndefaults dequeue_removeroute subaddresswild\n\nl\na.example\n\nreprocess\nreprocess-daemon\n',
    },
    {
      name: 'aliaslocal inherited from defaults counts',
      files: 'a.example $U@a.example\n\ndefaults aliaslocal\n\nl\na.example\n\nims-ms subaddressrelaxed\nims-ms-daemon\n',
    },
  ],
  invalid: [
    {
      name: 'dequeue_removeroute off tcp_*, expandlimit on l and reprocess',
      files: 'a.example $U@a.example\n\nl expandlimit 10\na.example\n\nreprocess dequeue_removeroute EXPANDLIMIT 0\nreprocess-daemon\n',
      errors: [
        {
          message:
            "'expandlimit' must not be put on channel 'l' (the manual's rule): 'l' is where deferred address expansion happens, so deferring it from there sends the messages back to be expanded again; put expandlimit on the channels messages arrive on (e.g. tcp_local)",
          line: 3,
          column: 3,
          endColumn: 14,
          severity: 'warning',
        },
        {
          message:
            "'dequeue_removeroute' is implemented only for tcp_* (SMTP) channels: on channel 'reprocess' it does nothing, and source routes in envelope To addresses stay; remove it, or put it on the SMTP channel that needs it",
          line: 6,
          column: 11,
          endColumn: 30,
        },
        { message: "'EXPANDLIMIT' must not be put on channel 'reprocess' (the manual's rule): 'reprocess' is where deferred address expansion happens, so deferring it from there sends the messages back to be expanded again; put expandlimit on the channels messages arrive on (e.g. tcp_local)", line: 6, column: 31, endColumn: 42 },
      ],
    },
    {
      name: 'header position keywords on an SMTP channel; subaddress keyword without alias lookup (info)',
      files: cnf('tcp_local smtp headerbottom\ntcp-daemon\n\ntcp_intranet smtp headeromit subaddressexact\ntcp_intranet-daemon\n'),
      errors: [
        {
          message:
            "'headerbottom' on SMTP channel 'tcp_local' puts the message header after the body of mail handed to other MTAs, which then see no header at all; it is meant for special end-user delivery channels: remove it here",
          line: 6,
          column: 16,
          endColumn: 28,
        },
        {
          message:
            "'headeromit' on SMTP channel 'tcp_intranet' drops the message header of mail handed to other MTAs; it is meant for special end-user delivery channels: remove it here",
          line: 9,
          column: 19,
          endColumn: 29,
        },
        {
          message:
            "'subaddressexact' only matters where addresses are looked up in the alias file or directory (channel l, and channels with aliaslocal): on channel 'tcp_intranet' it has no effect",
          line: 9,
          column: 30,
          endColumn: 45,
          severity: 'info',
        },
      ],
    },
  ],
});

test('the removal suggestion deletes the keyword, its argument and the blank before it', () => {
  const text = 'a.example $U@a.example\n\nl expandlimit 10 maxjobs 2\na.example\n';
  const { reports } = runRule(rule, { files: text });
  const edits = reports[0].suggestions?.[0].edits ?? [];
  expect(edits.map((e) => text.slice(0, e.start) + e.text + text.slice(e.end))).toEqual(['a.example $U@a.example\n\nl maxjobs 2\na.example\n']);
});
