// parseTokens: a grammar bug (a parse error on lexer output) degrades into one error line
// holding every token, with a diagnostic asking for a report; never a crash or lost text.
import { createToken, Lexer } from 'chevrotain';
import { LineParser, node, parseTokens } from '../../grammar/line-parser.js';
import { print, type SyntaxNode, type Token } from '../../grammar/index.js';

const BlankLine = createToken({ name: 'BlankLine', pattern: Lexer.NA });
const Comment = createToken({ name: 'Comment', pattern: /![^\n]*/ });
const Include = createToken({ name: 'Include', pattern: /<[^\n]*/ });
const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });
const ALL = [Comment, Include, Newline, BlankLine];
const lexer = new Lexer(ALL, { positionTracking: 'onlyOffset' });

/** A grammar that only knows comment lines: anything else is a parse error. */
class CommentsOnly extends LineParser {
  constructor() {
    super(ALL, { BlankLine, Comment, Include, Newline });
    this.performSelfAnalysis();
  }
  public file = this.RULE('file', (): SyntaxNode => {
    const lines: SyntaxNode[] = [];
    this.MANY(() => {
      lines.push(this.SUBRULE(this.commentLine));
    });
    return node('OptionFile', lines);
  });
}
const parser = new CommentsOnly();
const run = (text: string) => parseTokens(parser, lexer.tokenize(text).tokens as Token[], text, () => parser.file(), 'OptionFile');

test('input the grammar accepts: its tree, no diagnostic', () => {
  const { root, diagnostics } = run('!a\n!b\n');
  expect(diagnostics).toEqual([]);
  expect(root.children.map((c) => (c as SyntaxNode).kind)).toEqual(['CommentLine', 'CommentLine']);
});

test('a parse error: one ErrorLine with every token under the file kind, and a report-it diagnostic over the text', () => {
  const text = '!a\n<inc\n';
  const { root, diagnostics } = run(text);
  expect(root.kind).toBe('OptionFile');
  expect(root.children.map((c) => (c as SyntaxNode).kind)).toEqual(['ErrorLine']);
  expect(print({ fileKind: 'option.dat', root, text })).toBe(text);
  expect(diagnostics).toHaveLength(1);
  expect(diagnostics[0]).toMatchObject({ start: 0, end: text.length, code: 'internal-parse-error', severity: 'error' });
  expect(diagnostics[0].message).toMatch(/^cnflint could not parse this file \(.+\); please report it$/);
});
