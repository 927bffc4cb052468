import rule from '../../rules/dispatcher-procs.js';
import { ruleTester } from '../helpers/rule-tester.js';

const MSG = (min: string, max: string, where: string) =>
  `MIN_PROCS=${min} is above MAX_PROCS=${max} ${where}: the Dispatcher is told to keep more worker processes running than it may start; make MIN_PROCS at most MAX_PROCS`;

ruleTester(rule, {
  valid: [
    { name: 'the 2005Q4 sample', files: { 'dispatcher.cnf': 'MIN_PROCS=0\nMAX_PROCS=5\n[SERVICE=SMTP]\nPORT=25\n' } },
    { name: 'equal; a service raising both', files: { 'dispatcher.cnf': 'MIN_PROCS=5\nMAX_PROCS=5\n[SERVICE=SMTP]\nMIN_PROCS=8\nMAX_PROCS=10\n' } },
    { name: 'only one of them set', files: { 'dispatcher.cnf': 'MIN_PROCS=9\n[SERVICE=SMTP]\nPORT=25\n' } },
  ],
  invalid: [
    {
      name: 'in the global defaults (reported once, not per service)',
      files: { 'dispatcher.cnf': 'MIN_PROCS=6\nMAX_PROCS=5\n[SERVICE=SMTP]\nPORT=25\n[SERVICE=SMTP_SUBMIT]\nPORT=587\n' },
      errors: [{ message: MSG('6', '5', 'in the global defaults'), line: 1, column: 1, endColumn: 12 }],
    },
    {
      name: 'a service MIN_PROCS above the global MAX_PROCS',
      files: { 'dispatcher.cnf': 'MIN_PROCS=0\nMAX_PROCS=5\n[SERVICE=SMTP]\nPORT=25\nMIN_PROCS=8\n' },
      errors: [{ message: MSG('8', '5 (global default)', 'for [SERVICE=SMTP]'), line: 5, column: 1, endColumn: 12 }],
    },
    {
      name: 'a service MAX_PROCS below the global MIN_PROCS; b%v integers',
      files: { 'dispatcher.cnf': 'MIN_PROCS=16%A\n[SERVICE=LMTPSS]\nMAX_PROCS=2\n' },
      errors: [{ message: MSG('16%A (global default)', '2', 'for [SERVICE=LMTPSS]'), line: 3, column: 1, endColumn: 12 }],
    },
  ],
});
