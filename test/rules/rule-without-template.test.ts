import rule from '../../rules/rule-without-template.js';
import { ruleTester } from '../helpers/rule-tester.js';

const MSG = (p: string) => `rewrite rule '${p}' has no template; write 'pattern template' on one line (a continued line needs '\\' as its last character)`;

ruleTester(rule, {
  valid: [
    { name: 'every rule has a template', files: 'a $U@a\n.b $U%$H$D@tcp-daemon\n\nl\nlocal\n' },
    { name: 'template on a continued line', files: 'a \\\n  $U@a\n\nl\nlocal\n' },
    { name: 'an indented comment is left to misplaced-comment', files: 'a $U@a\n   !\n\nl\nlocal\n' },
    { name: 'a broken continuation is left to broken-continuation', files: 'a \\ \n  $U@a\n\nl\nlocal\n' },
  ],
  invalid: [
    {
      name: 'pattern alone',
      files: 'a $U@a\nsiroe.com\n\nl\nlocal\n',
      errors: [{ message: MSG('siroe.com'), line: 2, column: 1, endLine: 2, endColumn: 10 }],
    },
    {
      name: 'in an included rule file',
      files: { 'imta.cnf': '<inc.rules\n\nl\nlocal\n', 'inc.rules': '.com $U@tcp-daemon\n  .net\n' },
      errors: [{ file: 'inc.rules', message: MSG('.net'), line: 2, column: 3, endColumn: 7 }],
    },
  ],
});
