import rule from '../../rules/conflicting-keywords.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const ALT = (now: string, before: string, owner = "channel 'tcp_local'") =>
  `'${now}' and '${before}' (earlier on this line) are alternatives of one setting of ${owner}: only one can be in force, and the MTA keeps the last one read, '${now}'; remove the one you do not mean`;

ruleTester(rule, {
  valid: [
    { name: 'one member per group', fragment: 'channels', files: 'tcp_local smtp mx single_sys maytlsserver maysaslserver\ntcp-daemon\n' },
    { name: 'synonyms are no conflict', fragment: 'channels', files: 'a_channel 822 sourceroute channelfilter file:///a destinationfilter file:///a\na\n' },
    {
      name: 'a channel keyword overriding a default is how defaults work',
      fragment: 'channels',
      files: 'defaults nologging maxjobs 7\n\ntcp_local smtp logging maxjobs 2\ntcp-daemon\n',
    },
    {
      name: 'two defaults lines: the later one wins, as documented',
      fragment: 'channels',
      files: 'defaults nologging\n\ndefaults logging\n\nl\nlocal\n',
    },
    { name: 'the same keyword twice with the same argument', fragment: 'channels', files: 'tcp_local maxjobs 7 mx maxjobs 7 mx\ntcp-daemon\n' },
    { name: 'spam filter packages are different keywords', fragment: 'channels', files: 'tcp_local sourcespamfilter1optin spam sourcespamfilter2optin virus\ntcp-daemon\n' },
    { name: 'different groups with similar names', fragment: 'channels', files: 'tcp_local maytls maytlsclient notlsserver\ntcp-daemon\n' },
  ],
  invalid: [
    {
      name: 'mx nomx',
      fragment: 'channels',
      files: 'tcp_local smtp mx single_sys nomx\ntcp-daemon\n',
      errors: [{ message: ALT('nomx', 'mx'), line: 1, column: 30, endLine: 1, endColumn: 34 }],
    },
    {
      name: 'across a continuation line; a group of four',
      fragment: 'channels',
      files: 'tcp_local smtp sendpost \\\n  maxjobs 2 errsendpost\ntcp-daemon\n',
      errors: [{ message: ALT('errsendpost', 'sendpost'), line: 2, column: 13, endColumn: 24 }],
    },
    {
      name: 'on a defaults line',
      fragment: 'channels',
      files: 'defaults logging notices 1 2 nologging\n\nl\nlocal\n',
      errors: [{ message: ALT('nologging', 'logging', 'the channels after this defaults line'), line: 1, column: 30, endColumn: 39 }],
    },
    {
      name: 'three members: each one against the one before it',
      fragment: 'channels',
      files: 'tcp_local mustsaslserver maysaslserver nosasl\ntcp-daemon\n',
      errors: [
        { message: ALT('maysaslserver', 'mustsaslserver'), line: 1, column: 26, endColumn: 39 },
        { message: ALT('nosasl', 'maysaslserver'), line: 1, column: 40, endColumn: 46 },
      ],
    },
    {
      name: 'one keyword twice with different arguments',
      fragment: 'channels',
      files: 'tcp_local maxjobs 7 pool SMTP_POOL maxjobs 2\ntcp-daemon\n',
      errors: [
        {
          message: "'maxjobs' is given twice on this line for channel 'tcp_local' ('maxjobs 7', then 'maxjobs 2'): the MTA keeps the last one read; remove the one you do not mean",
          line: 1,
          column: 36,
          endColumn: 45,
        },
      ],
    },
  ],
});

describe('conflicting-keywords suggestions', () => {
  test('remove either keyword, with its blanks', () => {
    const text = 'tcp_local smtp mx single_sys nomx\ntcp-daemon\n';
    const { reports } = runRule(rule, { fragment: 'channels', files: text });
    const apply = (i: number) => {
      const e = reports[0].suggestions![i].edits[0];
      return text.slice(0, e.start) + e.text + text.slice(e.end);
    };
    expect(reports[0].suggestions!.map((s) => s.description)).toEqual(["remove 'mx'", "remove 'nomx'"]);
    expect(apply(0)).toBe('tcp_local smtp single_sys nomx\ntcp-daemon\n');
    expect(apply(1)).toBe('tcp_local smtp mx single_sys\ntcp-daemon\n');
  });
});
