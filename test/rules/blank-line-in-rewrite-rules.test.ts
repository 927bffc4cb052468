import rule from '../../rules/blank-line-in-rewrite-rules.js';
import { ruleTester } from '../helpers/rule-tester.js';

const MSG = (n: number, span: string) =>
  `blank line inside the rewrite rules: the MTA ends the rule section here and reads the ${n} rule line${n === 1 ? '' : 's'} after it (${span}) as channel blocks, so they never rewrite an address; delete the blank line or turn it into a '!' comment`;

const CHANNELS = 'l\nmail.example.com\n\ntcp_local smtp mx\ntcp-daemon\n';

ruleTester(rule, {
  valid: [
    { name: 'rules, one blank line, channels', files: `a $U@a-daemon\n! comment\nb $U%b@tcp-daemon\n\n${CHANNELS}` },
    { name: 'comment lines and an include in the rules', files: { 'imta.cnf': `a $U@a-daemon\n!\n<inc.rules\n!\nb $U@tcp-daemon\n\n${CHANNELS}`, 'inc.rules': '.com $U%$H$D@tcp-daemon\n.net $U%$H$D@tcp-daemon\n' } },
    {
      name: 'an included rule file ending with a blank line, included last: the blank merges with the separator',
      files: { 'imta.cnf': `a $U@a-daemon\n<inc.rules\n\n${CHANNELS}`, 'inc.rules': '.com $U%$H$D@tcp-daemon\n\n' },
    },
    { name: 'channel fragment', fragment: 'channels', files: CHANNELS },
    { name: 'defaults first after the rules', files: `a $U@a-daemon\n\ndefaults logging\n\n${CHANNELS}` },
    { name: 'rules only', files: 'a $U@a-daemon\nb $U@b-daemon\n' },
    { name: 'a first channel with a template-like argument', files: 'a $U@a-daemon\n\ntcp_x fileinto $U+$S@$D\ntcp_x-daemon\n' },
  ],
  invalid: [
    {
      name: 'blank line between two rules',
      files: `a $U@a-daemon\nb $U@b-daemon\n\nc $U@c-daemon\n.d $U%$H$D@tcp-daemon\n\n${CHANNELS}`,
      errors: [{ message: MSG(2, 'lines 4–5'), line: 3, column: 1, endLine: 3, endColumn: 1 }],
      output: `a $U@a-daemon\nb $U@b-daemon\n!\nc $U@c-daemon\n.d $U%$H$D@tcp-daemon\n\n${CHANNELS}`,
    },
    {
      name: 'whitespace-only line counts as blank; comments between stay',
      files: `a $U@a-daemon\n  \t\n! next\nc $U@c-daemon\n\n${CHANNELS}`,
      errors: [{ message: MSG(1, 'line 4'), line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: `a $U@a-daemon\n!\n! next\nc $U@c-daemon\n\n${CHANNELS}`,
    },
    {
      name: 'two blank lines in a row: one report, both become comments',
      files: `a $U@a-daemon\n\n\n[] $U%[$L]@tcp-daemon\n\n${CHANNELS}`,
      errors: [{ message: MSG(1, 'line 4'), line: 2, column: 1, endLine: 3, endColumn: 1 }],
      output: `a $U@a-daemon\n!\n!\n[] $U%[$L]@tcp-daemon\n\n${CHANNELS}`,
    },
    {
      name: 'two separate blank lines are two reports',
      files: `a $U@a-daemon\n\nb $U@b-daemon\n\nc $U@c-daemon\nd $U@d-daemon\n\n${CHANNELS}`,
      errors: [
        { message: MSG(1, 'line 3'), line: 2, column: 1, endColumn: 1 },
        { message: MSG(2, 'lines 5–6'), line: 4, column: 1, endColumn: 1 },
      ],
      output: `a $U@a-daemon\n!\nb $U@b-daemon\n!\nc $U@c-daemon\nd $U@d-daemon\n\n${CHANNELS}`,
    },
    {
      name: 'CRLF file keeps its line breaks',
      files: 'a $U@a-daemon\r\n\r\nb $U@b-daemon\r\n\r\nl\r\nmail.example.com\r\n',
      errors: [{ message: MSG(1, 'line 3'), line: 2, column: 1, endColumn: 1 }],
      output: 'a $U@a-daemon\r\n!\r\nb $U@b-daemon\r\n\r\nl\r\nmail.example.com\r\n',
    },
    {
      name: 'a blank first line: the file has no rules at all',
      files: `\n$* $E$F$U%$H$V$H@mail.example.com\n.example.com $U%$H$D@tcp-daemon\n\n${CHANNELS}`,
      errors: [{ message: MSG(2, 'lines 2–3'), line: 1, column: 1, endColumn: 1 }],
      output: `!\n$* $E$F$U%$H$V$H@mail.example.com\n.example.com $U%$H$D@tcp-daemon\n\n${CHANNELS}`,
    },
    {
      name: 'rules without templates and tagged patterns are rules too',
      files: `a $U@a-daemon\n\nmtcp-force|.com\n\n${CHANNELS}`,
      errors: [{ message: MSG(1, 'line 3'), line: 2, column: 1, endColumn: 1 }],
      output: `a $U@a-daemon\n!\nmtcp-force|.com\n\n${CHANNELS}`,
    },
    {
      name: 'blank line inside an included rule file, followed by more rules there',
      files: { 'imta.cnf': `a $U@a-daemon\n<inc.rules\n.x $U@tcp-daemon\n\n${CHANNELS}`, 'inc.rules': '.com $U%$H$D@tcp-daemon\n\n.net $U%$H$D@tcp-daemon\n.org $U%$H$D@tcp-daemon\n' },
      errors: [{ file: 'inc.rules', message: MSG(2, 'lines 3–4'), line: 2, column: 1, endColumn: 1 }],
      output: { 'inc.rules': '.com $U%$H$D@tcp-daemon\n!\n.net $U%$H$D@tcp-daemon\n.org $U%$H$D@tcp-daemon\n' },
    },
    {
      name: 'blank line at the end of an included rule file with rules after the include line',
      files: { 'imta.cnf': `a $U@a-daemon\n<inc.rules\n! more\n.x $U@tcp-daemon\n. $U%$H@tcp-daemon\n\n${CHANNELS}`, 'inc.rules': '.com $U%$H$D@tcp-daemon\n\n' },
      errors: [
        {
          file: 'inc.rules',
          message:
            "blank line in included rule file 'inc.rules' ends the rewrite rules: the MTA reads the 2 rules after '<inc.rules' in imta.cnf as channel blocks, so they never rewrite an address; delete the blank line or turn it into a '!' comment",
          line: 2,
          column: 1,
          endColumn: 1,
        },
      ],
      output: { 'inc.rules': '.com $U%$H$D@tcp-daemon\n!\n' },
    },
    {
      name: 'rules pulled in by an include right after the stray blank line',
      files: { 'imta.cnf': `a $U@a-daemon\n\n<more.rules\n\n${CHANNELS}`, 'more.rules': '.com $U%$H$D@tcp-daemon\n.net $U%$H$D@tcp-daemon\n' },
      errors: [{ message: MSG(2, "from '.com' on"), line: 2, column: 1, endColumn: 1 }],
      output: `a $U@a-daemon\n!\n<more.rules\n\n${CHANNELS}`,
    },
  ],
});
