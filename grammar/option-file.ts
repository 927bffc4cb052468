// The "MTA option file" family: job_controller.cnf, dispatcher.cnf, option.dat (and
// imta_tailor, <channel>_option files, which share the reader). One chevrotain lexer and
// parser for all of them (../shared/spec/other-files.md §0):
//   comment lines (column-1 `!`, `#`, `;` — a comment even right after a continued line),
//   blank lines (no meaning), `[TYPE=VALUE]` section headers, `NAME=value` settings with
//   optional blanks around `=` and `\` continuation of long values, `<file` includes (PMDF
//   dispatcher.cnf only).
import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from 'chevrotain';
import { atLineStart, isContinuationAt, LEXER_CONFIG, lineBodyPattern, matched, tokenizeAll, wordPattern, WORD_START_HINT } from './lexing.js';
import { LineParser, node, parseTokens } from './line-parser.js';
import { lineLayerTokens } from './line-tokens.js';
import { OPTION_COMMENT_CHARS, type SyntaxDiagnostic, type SyntaxNode, type Token } from './syntax.js';

export const OptLinePart = createToken({ name: 'OptLinePart', pattern: Lexer.NA });

const layer = lineLayerTokens(OPTION_COMMENT_CHARS, OptLinePart);
export const {
  BlankLine: OptBlankLine,
  ContinuedComment: OptContinuedComment,
  Comment: OptComment,
  Include: OptInclude,
  Continuation: OptContinuation,
  Newline: OptNewline,
} = layer;
const isContinued = layer.isContinued;

/** `[TYPE=VALUE]` in column 1, up to the first `]` on the line (or the line's end if unclosed). */
const sectionHeaderPattern: CustomPatternMatcherFunc = (text, offset, tokens) => {
  if (!atLineStart(text, offset) || text.charCodeAt(offset) !== 91 /* [ */) return null;
  const prev = tokens[tokens.length - 1];
  if (isContinued(prev)) return null;
  let i = offset + 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 93 /* ] */) {
      i++;
      break;
    }
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10)) break;
    i++;
  }
  return matched(text, offset, i);
};

/** The rest of a physical line up to its line break or continuation backslash. */
const lineBody = lineBodyPattern();

/**
 * A setting's value: from the first non-blank character after `=` to the end of the
 * physical line (or a continuation backslash), i.e. a line body. The value may itself contain `=`
 * (`PARAMETER=CHANNEL=tcp_lmtpss`) and blanks (`secret=never mind`).
 */
const valuePattern: CustomPatternMatcherFunc = (text, offset, tokens) => {
  // Only once the current logical line has had its `=`.
  let seenEquals = false;
  for (let k = tokens.length - 1; k >= 0; k--) {
    const tt = tokens[k].tokenType;
    if (tt === OptEquals) {
      seenEquals = true;
      break;
    }
    if (tt === OptNewline || tt === OptBlankLine || tt === OptComment || tt === OptSection || tt === OptInclude) break;
  }
  return seenEquals ? lineBody(text, offset, tokens, {}) : null;
};

export const OptSection = createToken({
  name: 'SectionHeader',
  pattern: sectionHeaderPattern,
  start_chars_hint: ['['],
  line_breaks: false,
});
export const OptWs = createToken({ name: 'Ws', pattern: /[ \t]+/, start_chars_hint: [' ', '\t'], line_breaks: false, categories: [OptLinePart] });
export const OptValue = createToken({
  name: 'Value',
  pattern: valuePattern,
  start_chars_hint: WORD_START_HINT,
  line_breaks: false,
  categories: [OptLinePart],
});
export const OptEquals = createToken({ name: 'Equals', pattern: /=/, start_chars_hint: ['='], line_breaks: false, categories: [OptLinePart] });
export const OptName = createToken({
  name: 'Name',
  pattern: wordPattern('='),
  start_chars_hint: WORD_START_HINT.filter((c) => c !== 61 /* = */),
  line_breaks: false,
  categories: [OptLinePart],
});

const allTokens: TokenType[] = [
  OptBlankLine,
  OptContinuedComment,
  OptComment,
  OptInclude,
  OptSection,
  OptContinuation,
  OptNewline,
  OptWs,
  OptValue,
  OptEquals,
  OptName,
  OptLinePart,
];

export const optionLexer = new Lexer(allTokens, LEXER_CONFIG);


class OptionParser extends LineParser {
  constructor() {
    super(allTokens, { BlankLine: OptBlankLine, Comment: OptComment, Include: OptInclude, Newline: OptNewline });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', (): SyntaxNode => {
    const items: SyntaxNode[] = [];
    this.MANY(() => {
      const item = this.OR([
        { ALT: () => this.SUBRULE(this.blankLines) },
        { ALT: () => this.SUBRULE(this.commentLine) },
        { ALT: () => this.SUBRULE(this.includeLine) },
        { ALT: () => this.SUBRULE(this.sectionLine) },
        { ALT: () => this.SUBRULE(this.settingLine) },
      ]);
      items.push(item);
    });
    return this.ACTION(() => node('OptionFile', items));
  });




  /** `[TYPE=VALUE]`, then whatever else stands on the line (reported by the model). */
  private sectionLine = this.RULE('sectionLine', (): SyntaxNode => {
    const toks: Token[] = [this.CONSUME(OptSection)];
    this.MANY(() => {
      toks.push(this.CONSUME(OptLinePart));
    });
    this.OPTION(() => {
      toks.push(this.CONSUME(OptNewline));
    });
    return node('SectionHeader', toks);
  });

  /** `NAME = value` (logical line); a line without `=` becomes an ErrorLine. */
  private settingLine = this.RULE('settingLine', (): SyntaxNode => {
    const toks: Token[] = [];
    this.AT_LEAST_ONE(() => {
      toks.push(this.CONSUME2(OptLinePart));
    });
    this.OPTION(() => {
      toks.push(this.CONSUME2(OptNewline));
    });
    return this.ACTION(() => node(toks.some((t) => t.tokenType === OptEquals) ? 'Setting' : 'ErrorLine', toks));
  });
}

let parser: OptionParser | undefined;

function optionParser(): OptionParser {
  return (parser ??= new OptionParser());
}

export interface OptionParseResult {
  root: SyntaxNode;
  diagnostics: SyntaxDiagnostic[];
}

export function parseOptionFile(text: string): OptionParseResult {
  const p = optionParser();
  return parseTokens(p, tokenizeAll(optionLexer, text, OptName), text, () => p.file(), 'OptionFile');
}

