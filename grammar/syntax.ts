// The lossless concrete syntax tree shared by every grammar in this folder.
//
// Like rust-analyzer's or Roslyn's trees: every character of the input belongs to exactly
// one token (trivia included: spaces, tabs, CR, continuation backslashes, comments, blank
// lines, odd bytes), tokens hang under nodes in source order, and printing the tree is the
// concatenation of its token images. Positions are string offsets into the parsed text;
// line and column are computed only when something is reported (see LineIndex).
import type { IToken } from 'chevrotain';

/** A leaf: a chevrotain token. `image` is the exact text, `startOffset` its offset. */
export type Token = IToken;

export type FileKind =
  | 'imta.cnf'
  | 'job_controller.cnf'
  | 'dispatcher.cnf'
  | 'option.dat'
  | 'aliases'
  | 'mappings';

export const FILE_KINDS: readonly FileKind[] = [
  'imta.cnf',
  'job_controller.cnf',
  'dispatcher.cnf',
  'option.dat',
  'aliases',
  'mappings',
];

/** Characters that start a comment line in column 1: `!` in imta.cnf and its family, also `#` and `;` in option files. */
export const IMTA_COMMENT_CHARS = '!';
export const OPTION_COMMENT_CHARS = '!#;';

export function commentCharsOf(kind: FileKind): string {
  return kind === 'job_controller.cnf' || kind === 'dispatcher.cnf' || kind === 'option.dat' ? OPTION_COMMENT_CHARS : IMTA_COMMENT_CHARS;
}

export type NodeKind =
  // imta.cnf
  | 'ImtaFile'
  | 'RuleSection'
  | 'RewriteRule'
  | 'ChannelTable'
  | 'ChannelBlock'
  | 'KeywordLine'
  | 'HostLine'
  | 'BlankLines'
  | 'CommentLine'
  | 'IncludeLine'
  // option-file family (job_controller.cnf, dispatcher.cnf, option.dat)
  | 'OptionFile'
  | 'SectionHeader'
  | 'Setting'
  // aliases, mappings
  | 'LineFile'
  | 'Entry'
  // any family: a line that could not be understood
  | 'ErrorLine';

export interface SyntaxNode {
  readonly kind: NodeKind;
  readonly children: SyntaxElement[];
}

export type SyntaxElement = SyntaxNode | Token;

export interface SyntaxDiagnostic {
  /** Start offset in the text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  message: string;
  /** A short stable code, e.g. 'unterminated-quote'. */
  code: string;
  severity: 'error' | 'warning';
}

export interface SyntaxTree {
  readonly fileKind: FileKind;
  readonly root: SyntaxNode;
  /** The text that was parsed (print(tree) === text). */
  readonly text: string;
}

export function isToken(e: SyntaxElement): e is Token {
  return (e as Token).image !== undefined;
}

/** Exact text of a node or token. */
export function textOf(e: SyntaxElement): string {
  if (isToken(e)) return e.image;
  const parts: string[] = [];
  collectText(e, parts);
  return parts.join('');
}

function collectText(n: SyntaxNode, out: string[]): void {
  for (const c of n.children) {
    if (isToken(c)) out.push(c.image);
    else collectText(c, out);
  }
}

type ElementsOf = (n: SyntaxNode) => readonly SyntaxElement[];
const childrenOf: ElementsOf = (n) => n.children;

/**
 * The elements to look at for a node's first and last offsets: a node whose tokens exist in
 * a coarser form before `children` is read (a content line not yet split into words) is
 * measured by those, which start and end where its words do.
 */
const offsetElementsOf: ElementsOf = (n) => (n as { rawTokens?: readonly Token[] }).rawTokens ?? n.children;

function firstIn(e: SyntaxElement, elementsOf: ElementsOf): Token | undefined {
  if (isToken(e)) return e;
  for (const c of elementsOf(e)) {
    const t = firstIn(c, elementsOf);
    if (t) return t;
  }
  return undefined;
}

function lastIn(e: SyntaxElement, elementsOf: ElementsOf): Token | undefined {
  if (isToken(e)) return e;
  const elements = elementsOf(e);
  for (let i = elements.length - 1; i >= 0; i--) {
    const t = lastIn(elements[i], elementsOf);
    if (t) return t;
  }
  return undefined;
}

/** First token under a node (undefined for an empty node). */
export function firstToken(e: SyntaxElement): Token | undefined {
  return firstIn(e, childrenOf);
}

export function lastToken(e: SyntaxElement): Token | undefined {
  return lastIn(e, childrenOf);
}

/** Start offset of a node or token; `fallback` for an empty node. */
export function startOf(e: SyntaxElement, fallback = 0): number {
  const t = firstIn(e, offsetElementsOf);
  return t ? t.startOffset : fallback;
}

/** End offset (exclusive) of a node or token. */
export function endOf(e: SyntaxElement, fallback = 0): number {
  const t = lastIn(e, offsetElementsOf);
  return t ? t.startOffset + t.image.length : fallback;
}

/** All tokens under a node, in source order. */
export function tokensOf(e: SyntaxElement, out: Token[] = []): Token[] {
  if (isToken(e)) out.push(e);
  else for (const c of e.children) tokensOf(c, out);
  return out;
}

/** Token type name ('Word', 'Ws', 'Newline' ...). */
export function tokenKind(t: Token): string {
  return t.tokenType.name;
}

/**
 * Line/column lookup from a table of line starts, built on first use. Lines and columns
 * are 1-based; a column counts UTF-16 code units from the start of the physical line.
 */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  private table(): number[] {
    if (!this.starts) {
      const s = [0];
      const t = this.text;
      let i = t.indexOf('\n');
      while (i !== -1) {
        s.push(i + 1);
        i = t.indexOf('\n', i + 1);
      }
      this.starts = s;
    }
    return this.starts;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const s = this.table();
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo] + 1 };
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    const s = this.table();
    return s[Math.max(0, Math.min(line - 1, s.length - 1))];
  }

  lineCount(): number {
    return this.table().length;
  }

  /** Text of a 1-based physical line without its line terminator. */
  lineText(line: number): string {
    const s = this.table();
    const start = s[line - 1] ?? this.text.length;
    let end = line < s.length ? s[line] - 1 : this.text.length;
    if (end > start && this.text[end - 1] === '\r' && line < s.length) end--;
    return this.text.slice(start, end);
  }
}
