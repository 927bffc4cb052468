import rule from '../../rules/defaults-host-line.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WRAPPED = (words: string) =>
  `the MTA ignores the host lines of a 'defaults' block, so '${words}' never become defaults for the channels after it: the keyword list was wrapped without a '\\'; end the line before with ' \\'`;

ruleTester(rule, {
  valid: [
    { name: 'defaults on one line', fragment: 'channels', files: 'defaults logging notices 1 2 4 7\n\nl\nlocal\n' },
    { name: 'defaults continued with a backslash', fragment: 'channels', files: 'defaults logging notices 1 2 4 7 \\\n  noswitchchannel immnonurgent\n\nl\nlocal\n' },
    { name: 'nodefaults alone', fragment: 'channels', files: 'nodefaults\n\nl\nlocal\n' },
    { name: 'a broken continuation is left to broken-continuation', fragment: 'channels', files: 'defaults logging \\ \nnoswitchchannel\n\nl\nlocal\n' },
  ],
  invalid: [
    {
      name: '2005Q4 "enable logging" example',
      fragment: 'channels',
      files: 'defaults logging notices 1 2 4 7 copywarnpost copysendpost postheadonly\nnoswitchchannel immnonurgent maxjobs 7 defaulthost siroe.com\n\nl defragment\nsiroe.com\n',
      errors: [{ message: WRAPPED('noswitchchannel immnonurgent maxjobs 7 defaulthost siroe.com'), line: 2, column: 1, endLine: 2, endColumn: 61 }],
      output: 'defaults logging notices 1 2 4 7 copywarnpost copysendpost postheadonly \\\nnoswitchchannel immnonurgent maxjobs 7 defaulthost siroe.com\n\nl defragment\nsiroe.com\n',
    },
    {
      name: 'two wrapped lines with a comment between, CRLF',
      fragment: 'channels',
      files: 'defaults logging\r\n  noswitchchannel\r\n! more\r\n  immnonurgent\r\n\r\nl\r\nlocal\r\n',
      errors: [{ message: WRAPPED('noswitchchannel immnonurgent'), line: 2, column: 3, endLine: 4, endColumn: 15 }],
      output: 'defaults logging \\\r\n  noswitchchannel \\\r\n! more\r\n  immnonurgent\r\n\r\nl\r\nlocal\r\n',
    },
    {
      name: 'a wrapped list with an unknown word: reported, not fixed',
      fragment: 'channels',
      files: 'defaults logging\nnoswitchchanel immnonurgent copywarnpost\n\nl\nlocal\n',
      errors: [{ message: WRAPPED('noswitchchanel immnonurgent copywarnpost'), line: 2, column: 1, endColumn: 41 }],
    },
    {
      name: 'a lone continuation line at the end of the file: reported over the words, not fixed',
      fragment: 'channels',
      files: 'defaults logging\nnoswitchchannel\n\\\n',
      errors: [{ message: WRAPPED('noswitchchannel'), line: 2, column: 1, endLine: 2, endColumn: 16 }],
    },
    {
      name: 'a host name under defaults',
      fragment: 'channels',
      files: 'defaults logging\nmail.example.com\n\nl\nlocal\n',
      errors: [
        {
          message: "the MTA ignores the host lines of a 'defaults' block: 'mail.example.com' has no effect; if it holds keywords, end the line before with ' \\', otherwise delete it",
          line: 2,
          column: 1,
          endColumn: 17,
        },
      ],
    },
    {
      name: 'nodefaults with a line after it',
      fragment: 'channels',
      files: 'nodefaults\nlogging\n\nl\nlocal\n',
      errors: [
        {
          message: "the MTA ignores the lines after a 'nodefaults' line: 'logging' has no effect; delete it (defaults go on a 'defaults' line)",
          line: 2,
          column: 1,
          endColumn: 8,
        },
      ],
    },
  ],
});
