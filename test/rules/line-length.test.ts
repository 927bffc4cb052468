import rule from '../../rules/line-length.js';
import { ruleTester } from '../helpers/rule-tester.js';

const long = (n: number, c = 'x') => c.repeat(n);
const MSG = (n: number, max = 252, how = "end it with '\\' at a blank and continue on the next line", unit = 'characters') =>
  `line is ${n} ${unit} long; the MTA reads at most ${max} characters of a physical line in most configuration files and cuts or rejects the rest: ${how}`;

ruleTester(rule, {
  valid: [
    { name: 'exactly 252 characters', fragment: 'channels', files: `tcp_local ${long(242)}\ntcp-daemon\n` },
    { name: '252 characters before a CR', fragment: 'channels', files: `tcp_local ${long(242)}\r\ntcp-daemon\r\n` },
    { name: 'a long logical line continued over short physical lines', fragment: 'channels', files: `tcp_local ${long(200)} \\\n  ${long(200)}\ntcp-daemon\n` },
    { name: 'a larger limit', fragment: 'channels', options: { max: 1000 }, files: `tcp_local ${long(300)}\ntcp-daemon\n` },
    { name: 'a larger limit for one kind', options: { maxByKind: { mappings: 4096 } }, files: { mappings: `T\n\n  a ${long(1000)}\n` } },
  ],
  invalid: [
    {
      name: 'a long keyword line',
      fragment: 'channels',
      files: `tcp_local ${long(243)}\ntcp-daemon\n`,
      errors: [{ message: MSG(253), line: 1, column: 253, endLine: 1, endColumn: 254 }],
    },
    {
      name: 'a long comment, last line without line break',
      fragment: 'channels',
      files: `l\nlocal\n! ${long(300)}`,
      errors: [{ message: MSG(302, 252, 'split the comment into several comment lines'), line: 3, column: 253, endLine: 3, endColumn: 303 }],
    },
    {
      name: 'option files and a custom limit',
      options: { max: 20 },
      files: { 'option.dat': `# ${long(30)}\nA=${long(25)}\n` },
      errors: [
        { file: 'option.dat', message: MSG(32, 20, 'split the comment into several comment lines'), line: 1, column: 21, endColumn: 33 },
        { file: 'option.dat', message: MSG(27, 20), line: 2, column: 21, endColumn: 28 },
      ],
    },
    {
      name: 'UTF-8 counts bytes',
      options: { max: 10 },
      fragment: 'channels',
      files: 'l\nhé.é.é.é.x\n',
      errors: [{ message: MSG(14, 10, "end it with '\\' at a blank and continue on the next line", 'bytes'), line: 2, column: 8, endColumn: 11 }],
    },
  ],
});
