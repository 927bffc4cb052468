import rule from '../../rules/missing-include.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'included file present', files: { 'imta.cnf': '<inc.rules\na $U@a\n\nl\nlocal\n', 'inc.rules': '.com $U@tcp-daemon\n' } },
    { name: 'prefixed path resolved in the configuration directory', files: { 'imta.cnf': '<IMTA_TABLE:inc.rules\n\nl\nlocal\n', 'inc.rules': '.com $U@tcp-daemon\n' } },
    { name: 'absolute path outside the directory is unresolved, not missing', files: '</opt/SUNWmsgsr/config/internet.rules\n\nl\nlocal\n' },
  ],
  invalid: [
    {
      name: 'missing file in the rule section',
      files: 'a $U@a\n<nothere.rules\n\nl\nlocal\n',
      errors: [
        {
          message: "included file 'nothere.rules' does not exist (looked for nothere.rules); cnbuild fails on it: create the file or fix the path",
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 15,
        },
      ],
    },
    {
      name: 'missing file in the channel table, from an included file',
      files: { 'imta.cnf': 'a $U@a\n\nl\nlocal\n\n<more.cnf\n', 'more.cnf': 'tcp_local smtp\ntcp-daemon\n\n<IMTA_TABLE:gone.cnf\n' },
      errors: [{ file: 'more.cnf', message: "included file 'IMTA_TABLE:gone.cnf' does not exist (looked for gone.cnf); cnbuild fails on it: create the file or fix the path", line: 4, column: 1, endColumn: 21 }],
    },
    {
      name: 'include line without a file name',
      files: 'a $U@a\n<\n\nl\nlocal\n',
      errors: [{ message: "include line names no file; write '<' followed by the file's full path", line: 2, column: 1, endColumn: 2 }],
    },
  ],
});
