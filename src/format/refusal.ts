// Why a file is not formatted. The formatter either rewrites a whole file or refuses it;
// it never returns a half-formatted file. A refusal carries the position of the line it
// is about in the shape Prettier expects from a parser error (`loc.start.line/column`,
// 1-based), so `prettier` prints `file: SyntaxError: message (line:column)` and a code
// frame, as it does for its own languages.
import { LineIndex } from '../../grammar/index.js';

export type RefusalCode =
  /** The grammar itself failed (a cnflint bug): nothing can be trusted. */
  | 'internal-parse-error'
  /** `\` followed only by blanks at the end of a line: not a continuation, and stripping the blanks would make it one. */
  | 'broken-continuation'
  /** A `\` continuation followed by an empty line, a comment as the last line, or the end of the file. */
  | 'dangling-continuation'
  /** A word starting with `!` outside column 1: an attempted comment the MTA reads as text. */
  | 'misplaced-comment'
  /** An indented `<`: an attempted include the MTA reads as text; unindenting it would make it one. */
  | 'misplaced-include'
  /** A continuation with no blank on either side glues two words into one. */
  | 'fused-word'
  /** Option files: a line that is not a setting, section header, comment or blank line; a malformed header. */
  | 'option-syntax'
  /** The formatted text would read differently (a formatter bug): the file is left alone. */
  | 'unsafe-result';

export class FormatRefusal extends SyntaxError {
  override readonly name = 'SyntaxError';
  readonly code: RefusalCode;
  /** Offset in the text the refusal is about. */
  readonly offset: number;
  /** 1-based line and column, as Prettier reads it from parser errors. */
  readonly loc: { start: { line: number; column: number } };
  /** The message without the `(line:column)` suffix. */
  readonly reason: string;

  constructor(code: RefusalCode, reason: string, text: string, offset: number) {
    const pos = new LineIndex(text).position(Math.max(0, Math.min(offset, text.length)));
    super(`${reason} (${pos.line}:${pos.column})`);
    this.code = code;
    this.reason = reason;
    this.offset = offset;
    this.loc = { start: { line: pos.line, column: pos.column } };
  }
}
