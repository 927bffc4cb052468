// Content runs (one lexer token for many plain lines, continued lines included) are a speed
// device only: the tree they expand into must be exactly the tree of lexing and parsing
// the same text line by line, token for token (type, text, offset, even object shape).
import fc from 'fast-check';
import { isRunItem, parseImta, rawItemsOf, type ImtaStart } from '../../grammar/imta.js';
import { isToken, print, type SyntaxElement, type SyntaxNode } from '../../grammar/index.js';
import { corpusEntries, startOf } from '../helpers/corpus.js';

type Flat = string | { kind: string; children: Flat[] };

/** Every node and token, tokens as type@offset:text plus their own keys (same object shape). */
function flat(e: SyntaxElement): Flat {
  if (isToken(e)) return `${e.tokenType.name}@${e.startOffset}:${JSON.stringify(e.image)} {${Object.keys(e).join(',')}}`;
  return { kind: e.kind, children: e.children.map(flat) };
}

function expectSameTree(text: string, start: ImtaStart): void {
  const runs = parseImta(text, start);
  const lines = parseImta(text, start, { lineByLine: true });
  expect(flat(runs.root)).toEqual(flat(lines.root));
  expect(runs.diagnostics).toEqual(lines.diagnostics);
  expect(print({ fileKind: 'imta.cnf', root: runs.root, text })).toBe(text);
}

/** Physical lines of every sort the layer knows, continued ones especially. */
const physicalLine = fc.oneof(
  fc.constantFrom(
    'a.example $U@a-daemon',
    'tcp_local smtp mx \\',
    '  subdirs 20 pool SMTP_POOL \\',
    '  maxjobs 7',
    'tcp-daemon',
    '\\',
    '   \\',
    'x\\\\',
    'trailing \\  ',
    '! comment',
    '!',
    '  ! not a comment',
    '<IMTA_TABLE:x.rules',
    '',
    '   ',
    '\t',
    '"quoted \\" word"',
    'lone\rcr',
    'defaults notices 1 2 4',
  ),
  fc.string({ maxLength: 12 }).map((s) => s.replace(/\n/g, '')),
);
const lineBreak = fc.constantFrom('\n', '\r\n', '\r\n', '\n');

const text = fc
  .tuple(fc.array(fc.tuple(physicalLine, lineBreak), { maxLength: 14 }), fc.boolean())
  .map(([lines, finalBreak]) => {
    const joined = lines.map(([l, br]) => l + br).join('');
    return finalBreak || !lines.length ? joined : joined.slice(0, -lines[lines.length - 1][1].length);
  });

test.each(['rules', 'channels', 'lines'] as const)('runs expand into the line-by-line tree (%s)', (start) => {
  fc.assert(
    fc.property(text, (t) => expectSameTree(t, start)),
    { numRuns: 1500 },
  );
});

test.each([
  ['a continued keyword line and its host line are one run', 'tcp_c smtp \\\n  pool P \\\r\n  maxjobs 7\ntcp-daemon\n\n', 'channels'],
  ['a line that is only a continuation', 'a \\\n\\\n  b\nc\n', 'rules'],
  ['a continuation cut short by a comment line stays line by line', 'a \\\n! dropped\nb\nc d\n', 'rules'],
  ['by a blank line', 'a \\\n\nb c\n', 'channels'],
  ['by the end of the file', 'a b\nc \\\n', 'rules'],
  ['a last line without a line break', 'a b\nc \\\nd', 'rules'],
] as const)('%s', (_name, t, start) => expectSameTree(t, start));

test('a channel block with continued keyword lines is one run token for the parser', () => {
  const { root } = parseImta('tcp_c smtp \\\n  pool P \\\r\n  maxjobs 7\ntcp-daemon\n\nl\nlocal\n', 'channels');
  const table = root.children[0] as SyntaxNode;
  const blocks = table.children.filter((c): c is SyntaxNode => !isToken(c) && c.kind === 'ChannelBlock');
  expect(blocks.map((b) => rawItemsOf(b).map((i) => (isRunItem(i) ? 'run' : i.kind)))).toEqual([['run'], ['run']]);
  expect(blocks[0].children.map((l) => (l as SyntaxNode).kind)).toEqual(['KeywordLine', 'HostLine']);
});

test('every imta.cnf-family file of the corpus gives the same tree either way', () => {
  let n = 0;
  for (const e of corpusEntries()) {
    if (e.kind === 'imta.cnf') expectSameTree(e.text, startOf(e));
    else if (e.kind === 'aliases' || e.kind === 'mappings') expectSameTree(e.text, 'lines');
    else continue;
    n++;
  }
  expect(n).toBeGreaterThan(10);
});
