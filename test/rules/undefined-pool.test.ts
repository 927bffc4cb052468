import rule from '../../rules/undefined-pool.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const JC = '[POOL=DEFAULT]\njob_limit=10\n!\n[POOL=SMTP_POOL]\njob_limit=10\n!\n[POOL=IMS_POOL]\njob_limit=1\n';
const imta = (channels: string) => `a $U@local\n\nl\nlocal\n\n${channels}`;
const UNDEF = (name: string, owner: string, hint: string, kw = 'pool') =>
  `${kw} '${name}' is not defined in job_controller.cnf: the Job Controller ignores delivery requests for ${owner}, so its mail stays in the queue; ${hint}`;

ruleTester(rule, {
  valid: [
    { name: 'defined pools, compared case-insensitively', files: { 'imta.cnf': imta('tcp_local smtp pool smtp_pool\ntcp-daemon\n\nims-ms pool IMS_POOL\nims-ms-daemon\n'), 'job_controller.cnf': JC } },
    { name: 'channels without pool run in the first pool', files: { 'imta.cnf': imta('tcp_local smtp\ntcp-daemon\n'), 'job_controller.cnf': JC } },
    {
      name: 'SIMS queue keyword and [QUEUE=] sections',
      files: { 'imta.cnf': imta('tcp_local smtp queue SINGLE_JOB\ntcp-daemon\n'), 'job_controller.cnf': '[QUEUE=DEFAULT]\njob_limit=10\n[QUEUE=SINGLE_JOB]\njob_limit=1\n' },
    },
    { name: 'without job_controller.cnf nothing can be checked', files: { 'imta.cnf': imta('tcp_local smtp pool NO_SUCH_POOL\ntcp-daemon\n') } },
    { name: 'a keyword taken as the pool name is left to keyword-arguments', files: { 'imta.cnf': imta('tcp_local pool maytlsserver\ntcp-daemon\n'), 'job_controller.cnf': JC } },
  ],
  invalid: [
    {
      name: 'a misspelled pool name',
      files: { 'imta.cnf': imta('tcp_auth smtp mx single_sys pool SMPT_POOL\ntcp_auth-daemon\n'), 'job_controller.cnf': JC },
      errors: [{ message: UNDEF('SMPT_POOL', "channel 'tcp_auth'", "did you mean 'SMTP_POOL'?"), line: 6, column: 34, endLine: 6, endColumn: 43 }],
    },
    {
      name: 'a pool that is not defined at all',
      files: { 'imta.cnf': imta('tcp_yahoo smtp \\\n  pool yahoo_pool\ntcp-yahoo-daemon\n'), 'job_controller.cnf': JC },
      errors: [{ message: UNDEF('yahoo_pool', "channel 'tcp_yahoo'", 'add a [POOL=yahoo_pool] section to job_controller.cnf or name a defined pool'), line: 7, column: 8, endColumn: 18 }],
    },
    {
      name: 'on a defaults line',
      files: { 'imta.cnf': 'a $U@local\n\ndefaults pool BULK\n\nl\nlocal\n', 'job_controller.cnf': JC },
      errors: [
        { message: UNDEF('BULK', 'the channels after this defaults line', 'add a [POOL=BULK] section to job_controller.cnf or name a defined pool'), line: 3, column: 15, endColumn: 19 },
      ],
    },
    {
      name: 'SIMS queue',
      files: { 'imta.cnf': imta('tcp_local queue SINGLEJOB\ntcp-daemon\n'), 'job_controller.cnf': '[QUEUE=DEFAULT]\njob_limit=10\n[QUEUE=SINGLE_JOB]\njob_limit=1\n' },
      errors: [{ message: UNDEF('SINGLEJOB', "channel 'tcp_local'", "did you mean 'SINGLE_JOB'?", 'queue'), line: 6, column: 17, endColumn: 26 }],
    },
  ],
});

test('undefined-pool offers the nearest pool as a suggestion', () => {
  const { reports } = runRule(rule, { files: { 'imta.cnf': imta('tcp_auth pool SMPT_POOL\nd\n'), 'job_controller.cnf': JC } });
  expect(reports[0].fix).toBeUndefined();
  expect(reports[0].suggestions?.map((s) => [s.description, s.edits[0].text])).toEqual([["replace 'SMPT_POOL' with 'SMTP_POOL'", 'SMTP_POOL']]);
});
