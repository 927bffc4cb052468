import rule from '../../rules/multiple-blank-lines.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'single blank lines', files: 'a $U@a\n\nl\nlocal\n\ntcp_local smtp\ntcp-daemon\n' },
    { name: 'blank lines at the end of the file', fragment: 'channels', files: 'l\nlocal\n\n\n\n' },
    { name: 'comment lines between blank lines', fragment: 'channels', files: 'l\nlocal\n\n!\n\ntcp_local smtp\ntcp-daemon\n' },
    { name: 'two blank lines inside the rules are left to blank-line-in-rewrite-rules', files: 'a $U@a\n\n\nb $U@b\n\nl\nlocal\n' },
    { name: 'blank lines in an option file mean nothing', files: { 'job_controller.cnf': '[POOL=A]\njob_limit=1\n\n\n[POOL=B]\njob_limit=1\n' } },
  ],
  invalid: [
    {
      name: 'two blank lines between blocks',
      fragment: 'channels',
      files: 'l\nlocal\n\n\ntcp_local smtp\ntcp-daemon\n',
      errors: [{ message: '2 blank lines in a row: channel blocks are documented as separated by a single blank line; delete the extra one', line: 4, column: 1, endLine: 4, endColumn: 1 }],
      output: 'l\nlocal\n\ntcp_local smtp\ntcp-daemon\n',
    },
    {
      name: 'three, with blanks, between the rules and the table; CRLF',
      files: 'a $U@a\r\n\r\n  \r\n\r\nl\r\nlocal\r\n',
      errors: [{ message: '3 blank lines in a row: channel blocks are documented as separated by a single blank line; delete the extra 2', line: 3, column: 1, endLine: 4, endColumn: 1 }],
      output: 'a $U@a\r\n\r\nl\r\nlocal\r\n',
    },
  ],
});
