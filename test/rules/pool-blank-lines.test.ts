import rule from '../../rules/pool-blank-lines.js';
import { ruleTester } from '../helpers/rule-tester.js';

const MSG = (a: string, b: string) =>
  `blank line between pool definitions [POOL=${a}] and [POOL=${b}]: the Job Controller skips it, but it looks like the end of [POOL=${a}] — a setting added below it would still belong to that pool; separate sections with a '!' line, as the documented layout does`;

ruleTester(rule, {
  valid: [
    { name: 'the documented layout: ! lines', files: { 'job_controller.cnf': '[POOL=DEFAULT]\njob_limit=10\n!\n[POOL=SMTP_POOL]\njob_limit=1\n' } },
    { name: 'blank lines outside the pool definitions', files: { 'job_controller.cnf': 'tcp_port=27442\n\n[POOL=DEFAULT]\njob_limit=10\n\n[CHANNEL=l]\nmaster_command=x\n\n[CHANNEL=tcp_*]\nmaster_command=y\n' } },
    { name: 'a blank line at the end of the file', files: { 'job_controller.cnf': '[POOL=DEFAULT]\njob_limit=10\n\n' } },
  ],
  invalid: [
    {
      name: 'the 2005Q4 extra pools example',
      files: { 'job_controller.cnf': '[POOL=yahoo_pool]\njob_limit=10\n\n[POOL=aol_pool]\njob_limit=10\n\n[POOL=hotmail_pool]\njob_limit=10\n' },
      errors: [
        { message: MSG('yahoo_pool', 'aol_pool'), line: 3, column: 1, endLine: 3, endColumn: 1 },
        { message: MSG('aol_pool', 'hotmail_pool'), line: 6, column: 1, endColumn: 1 },
      ],
      output: { 'job_controller.cnf': '[POOL=yahoo_pool]\njob_limit=10\n!\n[POOL=aol_pool]\njob_limit=10\n!\n[POOL=hotmail_pool]\njob_limit=10\n' },
    },
    {
      name: 'several blank lines, blanks on them, a comment, CRLF',
      files: { 'job_controller.cnf': '[POOL=A]\r\njob_limit=1\r\n  \r\n! next\r\n\r\n[POOL=B]\r\njob_limit=1\r\n' },
      errors: [
        { message: MSG('A', 'B'), line: 3, column: 1, endColumn: 3 },
        { message: MSG('A', 'B'), line: 5, column: 1, endColumn: 1 },
      ],
      output: { 'job_controller.cnf': '[POOL=A]\r\njob_limit=1\r\n!\r\n! next\r\n!\r\n[POOL=B]\r\njob_limit=1\r\n' },
    },
  ],
});
