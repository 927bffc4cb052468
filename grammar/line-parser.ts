// What the line-oriented parsers share: every format here has column-1 comment lines,
// `<file` include lines and blank lines, each a token of its own followed by a line break
// (none at the end of the file). The formats differ in their token types only.
import { EmbeddedActionsParser, type TokenType } from 'chevrotain';
import type { NodeKind, SyntaxDiagnostic, SyntaxNode, Token } from './syntax.js';

export interface LineTokenTypes {
  BlankLine: TokenType;
  Comment: TokenType;
  Include: TokenType;
  Newline: TokenType;
}

export function node(kind: SyntaxNode['kind'], children: SyntaxNode['children']): SyntaxNode {
  return { kind, children };
}

export abstract class LineParser extends EmbeddedActionsParser {
  constructor(
    tokens: TokenType[],
    private readonly lineTokens: LineTokenTypes,
  ) {
    // Every token sequence the lexers produce is a valid file, so there is nothing to
    // recover from; grammar validations are skipped for start-up time (tests cover it).
    super(tokens, { recoveryEnabled: false, skipValidations: true });
  }

  /** One or more blank lines (a separator in imta.cnf and mappings; nothing in option files). */
  protected blankLines = this.RULE('blankLines', (): SyntaxNode => {
    const toks: Token[] = [];
    this.AT_LEAST_ONE(() => {
      toks.push(this.CONSUME(this.lineTokens.BlankLine));
    });
    return node('BlankLines', toks);
  });

  protected commentLine = this.RULE('commentLine', (): SyntaxNode => {
    const toks: Token[] = [this.CONSUME(this.lineTokens.Comment)];
    this.OPTION(() => {
      toks.push(this.CONSUME(this.lineTokens.Newline));
    });
    return node('CommentLine', toks);
  });

  protected includeLine = this.RULE('includeLine', (): SyntaxNode => {
    const toks: Token[] = [this.CONSUME(this.lineTokens.Include)];
    this.OPTION(() => {
      toks.push(this.CONSUME(this.lineTokens.Newline));
    });
    return node('IncludeLine', toks);
  });
}

/**
 * Runs `entry` (a rule of `parser`) over `tokens`, the tokens of the whole of `text`.
 * Cannot fail for lexer output (every token sequence is a valid file); kept so that a
 * grammar bug degrades into one error line under a `fileKind` root, with a diagnostic
 * asking for a report, instead of a crash or lost text.
 */
export function parseTokens(
  parser: LineParser,
  tokens: Token[],
  text: string,
  entry: () => SyntaxNode,
  fileKind: NodeKind,
): { root: SyntaxNode; diagnostics: SyntaxDiagnostic[] } {
  parser.input = tokens;
  const root = entry();
  if (!parser.errors.length) return { root, diagnostics: [] };
  return {
    root: { kind: fileKind, children: [{ kind: 'ErrorLine', children: tokens }] },
    diagnostics: [
      {
        start: 0,
        end: text.length,
        code: 'internal-parse-error',
        severity: 'error',
        message: `cnflint could not parse this file (${parser.errors[0].message}); please report it`,
      },
    ],
  };
}
