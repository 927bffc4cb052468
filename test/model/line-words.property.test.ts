// lineWords reads a content line not yet split into tokens straight from its line bodies
// (forEachWordToken); the words and broken continuations must be exactly those read from
// the line's tokens.
import fc from 'fast-check';
import { endOf, firstToken, lastToken, parse, startOf, type SyntaxNode, type Token } from '../../grammar/index.js';
import { lineWords, makeWord, type LineWords } from '../../src/model/words.js';
import type { Range, Word } from '../../src/model/types.js';

/**
 * The reading of words as a whole-array algorithm (looking ahead for a lone `\\` at the end
 * of a physical line), kept here as the oracle for the streaming reader.
 */
function referenceLineWords(tokens: Token[]): LineWords {
  const kind = (t: Token) => t.tokenType.name;
  const isWord = (k: string) => k === 'Word' || k === 'Quoted' || k === 'Name' || k === 'Value';
  const lastOnLine = (i: number) => {
    for (let k = i + 1; k < tokens.length; k++) {
      if (kind(tokens[k]) === 'Ws') continue;
      return kind(tokens[k]) === 'Newline';
    }
    return true;
  };
  const words: Word[] = [];
  const broken: Range[] = [];
  let current: { parts: string[]; start: number; end: number; fused: boolean } | undefined;
  let afterContinuation = false;
  const flush = () => {
    if (current) words.push(makeWord(current.parts.join(''), current.start, current.end, current.fused));
    current = undefined;
  };
  tokens.forEach((t, i) => {
    const k = kind(t);
    if (k === 'Continuation' || k === 'ContinuedComment') {
      if (k === 'Continuation') afterContinuation = true;
      return;
    }
    if (!isWord(k)) {
      flush();
      afterContinuation = false;
      return;
    }
    if (t.image === '\\' && lastOnLine(i)) {
      flush();
      broken.push({ start: t.startOffset, end: t.startOffset + 1 });
      return;
    }
    const end = t.startOffset + t.image.length;
    if (current && afterContinuation) {
      current.parts.push(t.image);
      current.end = end;
      current.fused = true;
    } else {
      flush();
      current = { parts: [t.image], start: t.startOffset, end, fused: false };
    }
    afterContinuation = false;
  });
  flush();
  return { words, brokenContinuations: broken };
}

/** Channel-table text, biased to what matters for words: blanks, `\\`, quotes, comments. */
const tableText = fc
  .array(
    fc.oneof(
      fc.constantFrom('\n', '\r\n', ' ', '\t', '\\', '\\\n', ' \\\n', '\\ \n', '\\  \n', '!c\n', '"', '"q x"', 'tcp_a', 'pool', 'P1', '\r', '\u201cq\u201d', '$\\'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

function contentLines(node: SyntaxNode, out: SyntaxNode[] = []): SyntaxNode[] {
  if ((node as { rawTokens?: Token[] }).rawTokens) out.push(node);
  else for (const c of node.children) if (!('image' in c)) contentLines(c as SyntaxNode, out);
  return out;
}

test('words from the line bodies and from the tokens equal the reference reading of the tokens', () => {
  fc.assert(
    fc.property(tableText, fc.constantFrom<'rules' | 'channels'>('channels', 'rules'), (text, start) => {
      const fresh = contentLines(parse(text, 'imta.cnf', { start }).tree.root);
      const fromBodies = fresh.map((l) => lineWords(l));
      const tokens = contentLines(parse(text, 'imta.cnf', { start }).tree.root).map((l) => l.children as Token[]);
      const reference = tokens.map(referenceLineWords);
      expect(fromBodies).toEqual(reference);
      expect(tokens.map((t) => lineWords(t))).toEqual(reference);
    }),
    { numRuns: 3000 },
  );
});

test('a line not yet split starts and ends where its tokens do', () => {
  fc.assert(
    fc.property(tableText, fc.constantFrom<'rules' | 'channels'>('channels', 'rules'), (text, start) => {
      const lines = contentLines(parse(text, 'imta.cnf', { start }).tree.root);
      const measured = lines.map((l) => [startOf(l), endOf(l)]);
      const fromTokens = lines.map((l) => {
        const first = firstToken(l);
        const last = lastToken(l);
        return [first?.startOffset ?? 0, last ? last.startOffset + last.image.length : 0];
      });
      expect(measured).toEqual(fromTokens);
    }),
    { numRuns: 1000 },
  );
});

test.each([
  ['tcp_a smtp \\\n  pool P1\n', ['tcp_a', 'smtp', 'pool', 'P1'], []],
  ['tcp_a smtp\\\npool P1\n', ['tcp_a', 'smtppool', 'P1'], []],
  ['tcp_a smtp \\  \nhost\n', ['tcp_a', 'smtp'], [11]],
  ['tcp_a \\ x\n', ['tcp_a', '\\', 'x'], []],
  ['tcp_a "a b" \\', ['tcp_a', '"a b"'], [12]],
])('%j: words %j, broken continuations at %j', (text, words, broken) => {
  const [line] = contentLines(parse(text, 'imta.cnf', { start: 'channels' }).tree.root);
  const got = lineWords(line);
  expect([got.words.map((w) => w.text), got.brokenContinuations.map((r) => r.start)]).toEqual([words, broken]);
  expect(got).toEqual(lineWords(line.children as Token[]));
});
