import rule from '../../rules/include-depth.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'three levels',
      files: { 'imta.cnf': '<a.rules\n\nl\nlocal\n', 'a.rules': '<b.rules\n', 'b.rules': '<c.rules\n', 'c.rules': '.com $U@tcp-daemon\n' },
    },
  ],
  invalid: [
    {
      name: 'four levels',
      files: { 'imta.cnf': '<a.rules\n\nl\nlocal\n', 'a.rules': '<b.rules\n', 'b.rules': '<c.rules\n', 'c.rules': '<d.rules\n', 'd.rules': '.com $U@tcp-daemon\n' },
      errors: [{ file: 'c.rules', message: "include nested 4 levels deep; the MTA allows 3: move 'd.rules' up a level", line: 1, column: 1, endLine: 1, endColumn: 9 }],
    },
    {
      name: 'a file including itself',
      files: { 'imta.cnf': '<a.rules\n\nl\nlocal\n', 'a.rules': '.com $U@tcp-daemon\n<a.rules\n' },
      errors: [{ file: 'a.rules', message: "include cycle: 'a.rules' includes itself (imta.cnf -> a.rules -> a.rules); remove one of the include lines", line: 2, column: 1, endColumn: 9 }],
    },
  ],
});
