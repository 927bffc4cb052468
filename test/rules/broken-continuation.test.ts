import rule from '../../rules/broken-continuation.js';
import { ruleTester } from '../helpers/rule-tester.js';

const MSG = (n: number, effect: string) =>
  `'\\' followed by ${n} blank${n === 1 ? '' : 's'} is not a continuation: the MTA continues a line only when '\\' is its very last character, so the line ends here and ${effect}; delete the blanks after the '\\'`;
const KW = "'\\' is read as a keyword and the next line as a host line";

ruleTester(rule, {
  valid: [
    { name: 'real continuations', fragment: 'channels', files: 'ims-ms subdirs 20 \\\n  maxjobs 2 pool IMS_POOL\\\n fileinto $U+$S@$D\nims-ms-daemon\n' },
    { name: 'CRLF continuation', fragment: 'channels', files: 'tcp_local smtp \\\r\n  mx\r\ntcp-daemon\r\n' },
    { name: 'backslash inside a word', files: 'a $U@a\\b\n\nl\nlocal\n' },
    { name: '$\\ template control at the end of a rule', files: 'a $U@a-daemon$\\  \n\nl\nlocal\n' },
    { name: 'option value continued', files: { 'option.dat': 'DELIVERY_OPTIONS=\\\n  *mailbox=@$X.LMTP\nX=1\n' } },
    { name: 'backslash in a comment', fragment: 'channels', files: '! see \\  \nl\nlocal\n' },
  ],
  invalid: [
    {
      name: 'keyword line: fixed, the next line joins the keyword list',
      fragment: 'channels',
      files: 'tcp_local smtp mx \\  \n  single_sys\ntcp-daemon\n',
      errors: [{ message: MSG(2, KW), line: 1, column: 19, endLine: 1, endColumn: 22 }],
      output: 'tcp_local smtp mx \\\n  single_sys\ntcp-daemon\n',
    },
    {
      name: 'a backslash glued to the last word, CRLF',
      fragment: 'channels',
      files: 'tcp_local smtp mx\\\t\r\n  single_sys\r\ntcp-daemon\r\n',
      errors: [{ message: MSG(1, "'mx\\' is read as a keyword and the next line as a host line"), line: 1, column: 18, endLine: 1, endColumn: 20 }],
      output: 'tcp_local smtp mx\\\r\n  single_sys\r\ntcp-daemon\r\n',
    },
    {
      name: 'last line of the file (ms63 new-channel example): no fix',
      fragment: 'channels',
      files: 'tcp_siroe smtp \\\nmaysaslserver 0      \\    \n',
      errors: [{ message: MSG(4, KW), line: 2, column: 22, endLine: 2, endColumn: 27 }],
    },
    {
      name: 'followed by a blank line: no fix (joining would swallow the block separator)',
      fragment: 'channels',
      files: 'tcp_local smtp \\ \n\nl\nlocal\n',
      errors: [{ message: MSG(1, KW), line: 1, column: 16, endColumn: 18 }],
    },
    {
      name: 'followed by a comment line: no fix',
      fragment: 'channels',
      files: 'tcp_local smtp \\ \n! x\n  mx\ntcp-daemon\n',
      errors: [{ message: MSG(1, KW), line: 1, column: 16, endColumn: 18 }],
    },
    {
      name: 'rewrite rule',
      files: 'a $U%a@ \\ \n  a-daemon\n\nl\nlocal\n',
      errors: [{ message: MSG(1, "the '\\' stays in the template and the next line is read as a rule of its own"), line: 1, column: 9, endColumn: 11 }],
      output: 'a $U%a@ \\\n  a-daemon\n\nl\nlocal\n',
    },
    {
      name: 'host line',
      fragment: 'channels',
      files: 'tcp_local smtp\ntcp-daemon \\ \n  x.example.com\n',
      errors: [{ message: MSG(1, 'the next line is read as another host line'), line: 2, column: 12, endColumn: 14 }],
      output: 'tcp_local smtp\ntcp-daemon \\\n  x.example.com\n',
    },
    {
      name: 'option file value',
      files: { 'option.dat': 'DELIVERY_OPTIONS=\\  \n  *mailbox=@$X.LMTP\n' },
      errors: [{ file: 'option.dat', message: MSG(2, "the value keeps the '\\' and the next line is read as a line of its own"), line: 1, column: 18, endLine: 1, endColumn: 21 }],
      output: { 'option.dat': 'DELIVERY_OPTIONS=\\\n  *mailbox=@$X.LMTP\n' },
    },
    {
      name: 'option file value followed by a # comment: no fix',
      files: { 'option.dat': 'A=1 \\ \n#x\n' },
      errors: [{ file: 'option.dat', message: MSG(1, "the value keeps the '\\' and the next line is read as a line of its own"), line: 1, column: 5, endColumn: 7 }],
    },
    {
      name: 'mappings entry',
      files: { mappings: 'PORT_ACCESS\n\n  *|*|*|*|* \\ \n    $N\n' },
      errors: [{ file: 'mappings', message: MSG(1, 'the next line is read as an entry of its own'), line: 3, column: 13, endColumn: 15 }],
      output: { mappings: 'PORT_ACCESS\n\n  *|*|*|*|* \\\n    $N\n' },
    },
  ],
});
