import rule from '../../rules/crlf-line-endings.js';
import { ruleTester } from '../helpers/rule-tester.js';

const MSG = (lines: string) =>
  `${lines} in CRLF (Windows line breaks): on UNIX the MTA most likely keeps the CR as the last character of the line, so the line's last keyword, host name or template ends in an invisible CR; convert the file to LF line breaks (dos2unix)`;

ruleTester(rule, {
  valid: [
    { name: 'LF only', files: 'a $U@a\n\nl\nlocal\n' },
    { name: 'a lone CR is not a line break', files: 'a $U@a\r\rb\n\nl\nlocal\n' },
  ],
  invalid: [
    {
      name: 'CRLF file',
      files: 'a $U@a\r\n\r\nl\r\nlocal\r\n',
      errors: [{ message: MSG('4 lines end'), line: 1, column: 7, endLine: 1, endColumn: 8 }],
      output: 'a $U@a\n\nl\nlocal\n',
    },
    {
      name: 'one CRLF line in an option file',
      files: { 'imta.cnf': 'a $U@a\n\nl\nlocal\n', 'option.dat': 'A=1\nB=2\r\n' },
      errors: [{ file: 'option.dat', message: MSG('a line ends'), line: 2, column: 4, endColumn: 5 }],
      output: { 'option.dat': 'A=1\nB=2\n' },
    },
  ],
});
