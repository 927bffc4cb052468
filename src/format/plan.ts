// The layout plan: what the formatter decided from the syntax tree, before any option
// that depends on the reader's taste (width, indent, alignment) is applied. Planning
// checks that the file can be formatted safely (and throws a FormatRefusal otherwise);
// rendering a plan cannot fail.
import { tokenKind, type Token } from '../../grammar/index.js';
import { FormatRefusal } from './refusal.js';

/** A piece of a filled line: a unit never split across lines, or a comment line that must stay where it is. */
export type FillPiece = { unit: string } | { comment: string };

export type PlanItem =
  /** Lines printed exactly as given (comments, include lines, section headers ...). */
  | { type: 'text'; lines: string[] }
  /** One empty line (a run of blank lines collapses to it). */
  | { type: 'blank' }
  /**
   * A rewrite rule. `template` holds the template's physical lines: the first one is the
   * part after the pattern, the others are kept as written (a continued template).
   * `align: false` when the rule has no template. `split`: the template started on the
   * line after the pattern (it goes back there when the joined line would not fit).
   */
  | { type: 'rule'; pattern: string; template: string[]; align: boolean; split?: boolean }
  /** A keyword or host line: words refilled at the print width, wrapped with ` \`. */
  | { type: 'fill'; pieces: FillPiece[] }
  /**
   * An option setting `name=value`. `lines` are the value's physical lines as written;
   * `joined` the value on one line (what the reader sees), when it may be re-joined.
   */
  | { type: 'setting'; name: string; lines: string[]; joined?: string };

export interface Plan {
  items: PlanItem[];
  /** Line terminator of the input (first line break), used when no other is asked for. */
  eol: '\n' | '\r\n';
  /** The input's meaning key (meaning-key.ts), from the same parse: the output must have it too. */
  meaning: string[];
}

// ---------------------------------------------------------------------------------------
// Helpers shared by the imta.cnf and option-file planners.

export const WORD_KINDS = new Set(['Word', 'Quoted', 'Name', 'Value', 'Equals']);

export function isWordToken(t: Token): boolean {
  return WORD_KINDS.has(tokenKind(t));
}

/** Blanks at the end of a line are removed, except after a backslash (removing them would make it a continuation). */
export function trimLineEnd(line: string): string {
  const trimmed = line.replace(/[ \t]+$/, '');
  return trimmed.endsWith('\\') ? line : trimmed;
}

/** Splits text into physical lines (LF or CRLF), without the terminators. */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** One physical line of a logical line. */
export interface Physical {
  /** Tokens of the line without its terminator. */
  tokens: Token[];
  /** The continuation token ending the line, if any. */
  continuation?: Token;
  /** A comment line inside a continued logical line (the whole physical line). */
  comment?: Token;
}

/** Splits the tokens of a logical line into physical lines. */
export function physicalLines(tokens: readonly Token[]): Physical[] {
  const out: Physical[] = [];
  let cur: Token[] = [];
  let open = true;
  for (const t of tokens) {
    const k = tokenKind(t);
    if (k === 'Newline') {
      out.push({ tokens: cur });
      cur = [];
      open = false;
    } else if (k === 'Continuation') {
      out.push({ tokens: cur, continuation: t });
      cur = [];
      open = true;
    } else if (k === 'ContinuedComment') {
      out.push({ tokens: [], comment: t });
      open = true;
    } else {
      cur.push(t);
      open = true;
    }
  }
  if (cur.length || (open && out.length && !out[out.length - 1].comment)) out.push({ tokens: cur });
  return out;
}

/**
 * Checks every logical content line must pass, in any file kind: no `\` followed by
 * blanks (or a `\` as the very last character of the file), no continuation into an
 * empty line or the end of the file, and no column-1 character (`specials`) becoming
 * the first character of the line once its indentation is removed.
 */
export function checkContentLine(text: string, tokens: readonly Token[], specials: string): void {
  const lines = physicalLines(tokens);
  for (const p of lines) {
    if (p.comment || p.continuation) continue;
    const content = p.tokens.map((t) => t.image).join('');
    const m = /\\[ \t]*$/.exec(content);
    if (m && p.tokens.length) {
      const at = p.tokens[0].startOffset + m.index;
      throw new FormatRefusal(
        'broken-continuation',
        m[0].length > 1
          ? "'\\' followed by blanks at the end of the line is not a continuation; delete the blanks to continue the line, or the '\\' if the line ends here"
          : "'\\' is the last character of the file: add the line it continues, or delete it",
        text,
        at,
      );
    }
  }
  let lastWord = -1;
  for (let i = 0; i < tokens.length; i++) if (isWordToken(tokens[i])) lastWord = i;
  const trailing = tokens.slice(lastWord + 1);
  const dangling = trailing.find((t) => tokenKind(t) === 'Continuation' || tokenKind(t) === 'ContinuedComment');
  if (dangling) {
    throw new FormatRefusal(
      'dangling-continuation',
      trailing.some((t) => tokenKind(t) === 'ContinuedComment')
        ? "this '\\' continues the line into comment lines and nothing after them; delete the '\\' or continue the line after the comments"
        : "this '\\' continues the line into an empty line or the end of the file; delete the '\\' (or the blank line, if the line goes on)",
      text,
      dangling.startOffset,
    );
  }
  const first = tokens.find(isWordToken);
  if (first && specials.includes(first.image[0])) {
    const c = first.image[0];
    if (c === '<')
      throw new FormatRefusal(
        'misplaced-include',
        "'<' includes a file only in column 1; this indented line is read as text: move the '<' to column 1 or quote the word",
        text,
        first.startOffset,
      );
    if (c === '[')
      throw new FormatRefusal(
        'option-syntax',
        "a section header must start in column 1; remove the blanks before '['",
        text,
        first.startOffset,
      );
    throw new FormatRefusal(
      'misplaced-comment',
      `'${c}' starts a comment only in column 1; this indented line is read as text: move the '${c}' to column 1`,
      text,
      first.startOffset,
    );
  }
}

/** The line terminator the text uses (its first line break); LF for text without one. */
export function detectEol(text: string): '\n' | '\r\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}
