import rule from '../../rules/unresolved-include.js';
import { ruleTester } from '../helpers/rule-tester.js';

const ABS = '</etc/opt/SUNWmail/imta/internet.rules\na $U@a\n\nl\nlocal\n';

ruleTester(rule, {
  valid: [
    { name: 'single file: absolute includes are expected to be out of sight', files: ABS },
    { name: 'absolute path whose file name is in the directory', scope: { directory: true }, files: { 'imta.cnf': ABS, 'internet.rules': '.com $U@tcp-daemon\n' } },
  ],
  invalid: [
    {
      name: 'configuration directory without --root',
      scope: { directory: true },
      files: ABS,
      errors: [
        {
          message:
            "absolute include path '/etc/opt/SUNWmail/imta/internet.rules' is outside the configuration directory; pass --root (or \"root\" in cnflint.config.json) to check it",
          line: 1,
          column: 1,
          endColumn: 39,
        },
      ],
    },
  ],
});
