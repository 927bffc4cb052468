import rule from '../../rules/debug-keywords.js';
import { ruleTester } from '../helpers/rule-tester.js';

const KW = (kw: string, program: string, owner: string) =>
  `'${kw}' writes debug output of the ${program} of ${owner} to the channel log: left on, the logs grow with every message and fill the log directory; remove it when the debugging is done`;

ruleTester(rule, {
  valid: [
    { name: 'the no… forms', fragment: 'channels', files: 'tcp_local smtp nomaster_debug noslave_debug\ntcp-daemon\n' },
    { name: 'debug=0', files: { 'job_controller.cnf': 'debug=0\n[POOL=DEFAULT]\njob_limit=1\n', 'dispatcher.cnf': 'DEBUG=0\n[SERVICE=SMTP]\nPORT=25\n' } },
    { name: 'debug in option.dat is not this rule', files: { 'option.dat': 'DEBUG=1\n' } },
  ],
  invalid: [
    {
      name: 'master_debug and slave_debug on a channel and a defaults line',
      fragment: 'channels',
      files: 'defaults slave_debug\n\ntcp_local smtp master_debug\ntcp-daemon\n',
      errors: [
        { message: KW('slave_debug', 'slave (inbound) program', 'the channels after this defaults line'), line: 1, column: 10, endColumn: 21 },
        { message: KW('master_debug', 'master (outbound delivery) program', "channel 'tcp_local'"), line: 3, column: 16, endColumn: 28 },
      ],
    },
    {
      name: 'SIMS job_controller.cnf debug=1',
      files: { 'job_controller.cnf': '!Global defaults\ndebug=1\nudp_port=27442\n[QUEUE=DEFAULT]\njob_limit=10\n' },
      errors: [
        {
          message:
            "debug=1 turns on the Job Controller's debug log (job_controller-<id> in the log directory): left on, it grows without bound and fills the log directory; set debug=0 or remove the line when the debugging is done",
          line: 2,
          column: 1,
          endColumn: 8,
        },
      ],
    },
    {
      name: 'dispatcher DEBUG=-1 in a service',
      files: { 'dispatcher.cnf': 'MIN_PROCS=0\n[SERVICE=SMTP]\nPORT=25\nDEBUG=-1\n' },
      errors: [
        {
          message:
            'DEBUG=-1 turns on debug output of the Dispatcher for [SERVICE=SMTP]: left on, it grows without bound and fills the log directory; set DEBUG=0 or remove the line when the debugging is done',
          line: 4,
          column: 1,
          endColumn: 9,
        },
      ],
    },
  ],
});
