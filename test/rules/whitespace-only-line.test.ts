import rule from '../../rules/whitespace-only-line.js';
import { ruleTester } from '../helpers/rule-tester.js';

const MSG = 'line holds only spaces or tabs: the MTA reads it as a blank line, which separates channel blocks (and ends the rewrite rules); make it an empty line';

ruleTester(rule, {
  valid: [
    { name: 'empty blank lines', files: 'a $U@a\n\nl\nlocal\n\ntcp_local smtp\ntcp-daemon\n' },
    { name: 'trailing blanks on content lines are not blank lines', files: 'a $U@a  \n\nl  \nlocal\n' },
    { name: 'a blank line that ends the rules early is left to blank-line-in-rewrite-rules', files: 'a $U@a\n   \nb $U@b\n\nl\nlocal\n' },
    { name: 'option files ignore blank lines', files: { 'option.dat': 'A=1\n  \nB=2\n' } },
  ],
  invalid: [
    {
      name: 'between channel blocks, last line without line break',
      fragment: 'channels',
      files: 'l\nlocal\n \t\ntcp_local smtp\ntcp-daemon\n  ',
      errors: [
        { message: MSG, line: 3, column: 1, endLine: 3, endColumn: 3 },
        { message: MSG, line: 6, column: 1, endLine: 6, endColumn: 3 },
      ],
      output: 'l\nlocal\n\ntcp_local smtp\ntcp-daemon\n',
    },
    {
      name: 'mappings, CRLF',
      files: { mappings: 'PORT_ACCESS\r\n   \r\n  *|*|*|*|* $Y\r\n' },
      errors: [{ file: 'mappings', message: 'line holds only spaces or tabs: the MTA reads it as a blank line, which ends a mapping table; make it an empty line', line: 2, column: 1, endColumn: 4 }],
      output: { mappings: 'PORT_ACCESS\r\n\r\n  *|*|*|*|* $Y\r\n' },
    },
  ],
});
