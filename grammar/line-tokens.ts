// The tokens of the physical-line layer that every format here shares: blank lines,
// column-1 comment and include lines, comment lines inside a continued logical line,
// continuation backslashes and line breaks. Each lexer makes its own set (chevrotain
// token types belong to one lexer's categories), differing in the comment characters.
import { createToken, type IToken, type TokenType } from 'chevrotain';
import { blankLinePattern, continuedCommentPattern, includePattern, lineCommentPattern } from './lexing.js';

export interface LineLayerTokens {
  BlankLine: TokenType;
  ContinuedComment: TokenType;
  Comment: TokenType;
  Include: TokenType;
  Continuation: TokenType;
  Newline: TokenType;
  /** The previous token makes the current physical line part of a continued logical line. */
  isContinued(prev: IToken | undefined): boolean;
}

/**
 * @param commentChars characters that start a comment line in column 1 (`!` in imta.cnf;
 *   `!`, `#`, `;` in option files)
 * @param linePart the category of tokens that make up a logical content line
 */
export function lineLayerTokens(commentChars: string, linePart: TokenType): LineLayerTokens {
  const isContinued = (prev: IToken | undefined): boolean =>
    prev !== undefined && (prev.tokenType === Continuation || prev.tokenType === ContinuedComment);
  const BlankLine = createToken({
    name: 'BlankLine',
    pattern: blankLinePattern(isContinued),
    start_chars_hint: [' ', '\t', '\r', '\n'],
    line_breaks: true,
  });
  const ContinuedComment = createToken({
    name: 'ContinuedComment',
    pattern: continuedCommentPattern(commentChars, isContinued),
    start_chars_hint: [...commentChars],
    line_breaks: true,
    categories: [linePart],
  });
  const Comment = createToken({
    name: 'Comment',
    pattern: lineCommentPattern(commentChars),
    start_chars_hint: [...commentChars],
    line_breaks: false,
  });
  const Include = createToken({
    name: 'Include',
    pattern: includePattern(isContinued),
    start_chars_hint: ['<'],
    line_breaks: false,
  });
  const Continuation = createToken({
    name: 'Continuation',
    pattern: /\\\r?\n/,
    start_chars_hint: ['\\'],
    line_breaks: true,
    categories: [linePart],
  });
  const Newline = createToken({ name: 'Newline', pattern: /\r?\n/, start_chars_hint: ['\r', '\n'], line_breaks: true });
  return { BlankLine, ContinuedComment, Comment, Include, Continuation, Newline, isContinued };
}
