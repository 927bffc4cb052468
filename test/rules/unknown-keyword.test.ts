import rule from '../../rules/unknown-keyword.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const GROUP = (token: string, owner = "channel 'tcp_local'") =>
  `'${token}' is not a channel keyword: the MTA takes it as a UNIX group id, and only processes in that group may queue mail to ${owner}`;

const JC = '[POOL=DEFAULT]\njob_limit=10\n!\n[POOL=MY_POOL]\njob_limit=2\n';

ruleTester(rule, {
  valid: [
    {
      name: 'keywords with their arguments',
      fragment: 'channels',
      files:
        'tcp_local smtp mx single_sys pool SMTP_POOL maxjobs 7 \\\n' +
        '  backoff "pt5m" "pt1h" notices 1 2 4 7 defaulthost siroe.com mail.siroe.com\n' +
        'tcp-daemon\n',
    },
    { name: 'keywords are case-insensitive', fragment: 'channels', files: 'tcp_local SMTP Mx Single_Sys\ntcp-daemon\n' },
    {
      name: 'keywords of unconfirmed arity, spam filter families, description with its string',
      fragment: 'channels',
      files: 'tcp_x enqueue_removeroute sourcespamfilter2optin spam,virus destinationspamfilter12 description "x y"\nx-daemon\n',
    },
    { name: 'defaults line with known keywords', fragment: 'channels', files: 'defaults logging notices 1 2 4 7 copywarnpost\n\nl\nlocal\n' },
    {
      name: 'an unquoted duration after backoff is left to keyword-arguments',
      fragment: 'channels',
      files: 'tcp_local smtp backoff pt5m pt1h\ntcp-daemon\n',
    },
    { name: 'channel with no keywords', fragment: 'channels', files: 'l\nmail.siroe.com\n' },
    {
      name: 'rewrite rules swallowed after a stray blank line are left to blank-line-in-rewrite-rules',
      files: 'a $U@local\n\nb $U%b@tcp-daemon\nc $U%c@tcp-daemon\n\nl\nlocal\n',
    },
    { name: 'an indented ! comment is left to misplaced-comment', fragment: 'channels', files: 'tcp_local smtp ! outbound traffic\ntcp-daemon\n' },
  ],
  invalid: [
    {
      name: 'near miss of a keyword',
      fragment: 'channels',
      files: 'tcp_local smtp mx identnonenumerc\ntcp-daemon\n',
      errors: [{ message: `${GROUP('identnonenumerc')}; did you mean 'identnonenumeric'?`, line: 1, column: 19, endLine: 1, endColumn: 34 }],
    },
    {
      name: 'maxjobs 7 SMTP_POOL without job_controller.cnf: stock pool name',
      fragment: 'channels',
      files: 'tcp_intranet smtp mx maxjobs 7 SMTP_POOL\ntcp_intranet-daemon\n',
      errors: [{ message: `${GROUP('SMTP_POOL', "channel 'tcp_intranet'")}; did you mean 'pool SMTP_POOL'?`, line: 1, column: 32, endColumn: 41 }],
    },
    {
      name: 'any *_POOL name counts as a pool without job_controller.cnf',
      fragment: 'channels',
      files: 'tcp_local smtp yahoo_pool\ntcp-daemon\n',
      errors: [{ message: `${GROUP('yahoo_pool')}; did you mean 'pool yahoo_pool'?`, line: 1, column: 16, endColumn: 26 }],
    },
    {
      name: 'with job_controller.cnf: a defined pool name, case-insensitively',
      files: { 'imta.cnf': 'a $U@local\n\nl maxjobs 2 my_pool\nlocal\n', 'job_controller.cnf': JC },
      errors: [{ message: `${GROUP('my_pool', "channel 'l'")}; did you mean 'pool my_pool'?`, line: 3, column: 13, endColumn: 20 }],
    },
    {
      name: 'with job_controller.cnf: a *_POOL name it does not define gets no pool hint',
      files: { 'imta.cnf': 'a $U@local\n\nl OTHER_POOL\nlocal\n', 'job_controller.cnf': JC },
      errors: [{ message: `${GROUP('OTHER_POOL', "channel 'l'")}; correct it to a keyword or remove it`, line: 3, column: 3, endColumn: 13 }],
    },
    {
      name: 'SIMS job_controller.cnf: [QUEUE=…] names suggest the queue keyword',
      files: { 'imta.cnf': 'a $U@local\n\nl single_job\nlocal\n', 'job_controller.cnf': '[QUEUE=DEFAULT]\njob_limit=10\n[QUEUE=SINGLE_JOB]\njob_limit=1\n' },
      errors: [{ message: `${GROUP('single_job', "channel 'l'")}; did you mean 'queue single_job'?`, line: 3, column: 3, endColumn: 13 }],
    },
    {
      name: 'PMDF test.cnf: network',
      files: 'a $U@a\n\nl\nlocal-host\n\nb_channel 733 network\nb\nf\n',
      errors: [{ message: `${GROUP('network', "channel 'b_channel'")}; correct it to a keyword or remove it`, line: 6, column: 15, endColumn: 22 }],
    },
    {
      name: 'defaults line',
      fragment: 'channels',
      files: 'defaults logging nottices 1 2\n\nl\nlocal\n',
      // The numbers after the misspelled keyword are its arguments: only the root cause is reported.
      errors: [{ message: `${GROUP('nottices', 'the channels after this defaults line')}; did you mean 'notices'?`, line: 1, column: 18, endColumn: 26 }],
    },
    {
      name: 'on a continuation line; placeholders',
      fragment: 'channels',
      files: 'tcp_yahoo smtp mx \\\n  pool yahoo_pool keyword\ntcp-yahoo-daemon\n',
      errors: [{ message: `${GROUP('keyword', "channel 'tcp_yahoo'")}; correct it to a keyword or remove it`, line: 2, column: 19, endLine: 2, endColumn: 26 }],
    },
    {
      name: 'a quoted word is never a keyword and gets no suggestion',
      fragment: 'channels',
      files: 'tcp_local smtp "mx"\ntcp-daemon\n',
      errors: [{ message: `${GROUP('"mx"')}; correct it to a keyword or remove it`, line: 1, column: 16, endColumn: 20 }],
    },
    {
      name: 'a misspelling of a long keyword',
      fragment: 'channels',
      files: 'tcp_local noslave_debugx\ntcp-daemon\n',
      errors: [{ message: `${GROUP('noslave_debugx')}; did you mean 'noslave_debug'?`, line: 1, column: 11, endColumn: 25 }],
    },
  ],
});

describe('unknown-keyword suggestions', () => {
  test('the did-you-mean fix replaces the word; it is a suggestion, not a fix', () => {
    const { reports } = runRule(rule, { fragment: 'channels', files: 'tcp_local smtp dentnonenumeric\ntcp-daemon\n' });
    expect(reports).toHaveLength(1);
    expect(reports[0].fix).toBeUndefined();
    expect(reports[0].suggestions).toEqual([
      { description: "replace 'dentnonenumeric' with 'identnonenumeric'", edits: [{ path: expect.any(String), start: 15, end: 30, text: 'identnonenumeric' }] },
    ]);
  });
  test('the pool hint inserts the word pool', () => {
    const { reports } = runRule(rule, { fragment: 'channels', files: 'tcp_intranet maxjobs 7 SMTP_POOL\nd\n' });
    expect(reports[0].suggestions).toEqual([{ description: "insert 'pool' before 'SMTP_POOL'", edits: [{ path: expect.any(String), start: 23, end: 23, text: 'pool ' }] }]);
  });
});
