// The word level of content lines: splitPlainWords (the fast path for line bodies without
// a double quote) must give exactly the tokens the chevrotain word lexer gives.
import fc from 'fast-check';
import { lexWords, splitPlainWords } from '../../grammar/imta.js';
import { parse, type Token } from '../../grammar/index.js';

const view = (tokens: Token[]) => tokens.map((t) => ({ keys: Object.keys(t).join(','), image: t.image, start: t.startOffset, type: t.tokenType.name }));

/** Text a line body can hold (no line feed), without a double quote: blanks, words, odd bytes. */
const plainBody = fc
  .array(
    fc.oneof(
      fc.constantFrom(' ', '\t', '  ', '\\', '\r', '!', '<', '$U%$D@x', '|', '\u201c', '\u0000', '\u00e9', '\ud83d\ude00', '\ud800'),
      fc.string({ maxLength: 6 }).map((s) => s.replace(/["\n]/g, '')),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

function both(image: string, base: number) {
  const fast: Token[] = [];
  const lexed: Token[] = [];
  splitPlainWords(image, base, fast);
  lexWords(image, base, lexed);
  return { fast: view(fast), lexed: view(lexed) };
}

test('agrees with the word lexer on every body without a double quote', () => {
  fc.assert(
    fc.property(plainBody, fc.nat({ max: 1_000_000 }), (image, base) => {
      const { fast, lexed } = both(image, base);
      expect(fast).toEqual(lexed);
    }),
    { numRuns: 3000 },
  );
});

test.each([
  ['tcp_local smtp mx \\', 'Word Ws Word Ws Word Ws Word'],
  ['\t  pool\tSMTP_POOL  ', 'Ws Word Ws Word Ws'],
  ['a\rb \\x', 'Word Ws Word'],
  ['', ''],
])('%j splits into %s, as the lexer does', (image, types) => {
  const { fast, lexed } = both(image, 7);
  expect(fast.map((t) => t.type).join(' ')).toBe(types);
  expect(fast).toEqual(lexed);
});

test('a keyword line continued over three physical lines: words, blanks and continuations (with their line breaks) in order', () => {
  const text = 'tcp_a smtp \\\n  pool P1 \\\n  maxjobs 7\ntcp-a-daemon\n';
  const { tree } = parse(text, 'imta.cnf', { start: 'channels' });
  const block = (tree.root.children[0].children as { kind: string; children: Token[] }[])[0];
  const keywordLine = block.children[0] as unknown as { children: Token[] };
  expect(keywordLine.children.map((t) => `${t.tokenType.name}:${JSON.stringify(t.image)}@${t.startOffset}`)).toEqual([
    'Word:"tcp_a"@0',
    'Ws:" "@5',
    'Word:"smtp"@6',
    'Ws:" "@10',
    'Continuation:"\\\\\\n"@11',
    'Ws:"  "@13',
    'Word:"pool"@15',
    'Ws:" "@19',
    'Word:"P1"@20',
    'Ws:" "@22',
    'Continuation:"\\\\\\n"@23',
    'Ws:"  "@25',
    'Word:"maxjobs"@27',
    'Ws:" "@34',
    'Word:"7"@35',
    'Newline:"\\n"@36',
  ]);
});
