import rule from '../../rules/option-syntax.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'settings, sections, comments, blank lines', files: { 'job_controller.cnf': '! c\ntcp_port=27442\n\n[POOL=DEFAULT]\njob_limit = 10\n', 'option.dat': 'LOG_CONNECTION=1\n' } },
  ],
  invalid: [
    {
      name: 'a line without =, a malformed header',
      files: { 'dispatcher.cnf': 'MIN_PROCS=0\nMAX_PROCS 5\n[SERVICE=SMTP\nPORT=25\n' },
      errors: [
        {
          message: 'this line is not a NAME=value setting, a [TYPE=name] section header or a comment; the reader ignores it (start comments with ! in column 1)',
          line: 2,
          column: 1,
          endColumn: 12,
        },
        { message: "section header has no closing ']'; write it as [TYPE=name] alone on its line", line: 3, column: 1, endColumn: 14 },
      ],
    },
    {
      name: 'in option.dat',
      files: { 'option.dat': 'LOG_CONNECTION=1\n  # indented comment\n' },
      errors: [{ message: 'this line is not a NAME=value setting, a [TYPE=name] section header or a comment; the reader ignores it (start comments with ! in column 1)', line: 2, column: 1, endColumn: 21 }],
    },
  ],
});
