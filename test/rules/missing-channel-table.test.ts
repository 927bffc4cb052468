import rule from '../../rules/missing-channel-table.js';
import { ruleTester } from '../helpers/rule-tester.js';

const MSG = (what: string) =>
  `imta.cnf has ${what}: without channel blocks there is no local channel 'l' and no channel for any routing host, so the MTA cannot deliver mail; after the rules, add one blank line and the channel blocks, starting with 'l'`;

ruleTester(rule, {
  valid: [
    { name: 'rules and channels', files: 'a $U@a\n\nl\nlocal\n' },
    { name: 'a rules fragment', fragment: 'rules', files: 'a $U@a\nb $U@b\n' },
    { name: 'an explicitly incomplete scope', scope: { complete: false }, files: 'a $U@a\n' },
    { name: 'channels in an included file', files: { 'imta.cnf': 'a $U@a\n\n<channels.cnf\n', 'channels.cnf': 'l\nlocal\n' } },
  ],
  invalid: [
    {
      name: 'rules only (SIMS 3.5 default imta.cnf as stored)',
      files: '! rules\nmailhost $U%mailhost@mailhost\n. $E$U%$H@tcp-daemon\n!\n! bitbucket\n',
      errors: [{ message: MSG('2 rewrite rules but no channel table'), line: 5, column: 1, endLine: 5, endColumn: 12 }],
    },
    {
      name: 'a blank line after the rules and nothing else',
      files: 'a $U@a\n\n\n',
      errors: [{ message: MSG('1 rewrite rule but no channel table'), line: 1, column: 1, endLine: 1, endColumn: 7 }],
    },
    {
      name: 'only rules swallowed after a stray blank line',
      files: 'a $U@a\n\nb $U@b\n',
      errors: [{ message: MSG('1 rewrite rule but no channel table'), line: 3, column: 1, endColumn: 7 }],
    },
    {
      name: 'an empty file',
      files: '\n',
      errors: [{ message: MSG('no channel table'), line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
    {
      name: 'only defaults',
      files: 'a $U@a\n\ndefaults logging\n',
      errors: [{ message: MSG('1 rewrite rule but no channel table'), line: 3, column: 1, endColumn: 17 }],
    },
  ],
});
