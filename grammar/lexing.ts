// Building blocks shared by the line-oriented lexers (imta.cnf, option files, aliases,
// mappings). All these formats are read line by line by the MTA, and several tokens only
// exist in column 1 ("!" comments, "<" includes, blank lines), so most patterns here are
// chevrotain custom patterns: a plain char-code loop that also looks at the previous
// character and the previous token, which a regular expression cannot.
import type { CustomPatternMatcherFunc, ILexerConfig, IToken, Lexer, TokenType } from 'chevrotain';

/**
 * The settings of every lexer here: offsets only (line and column come from the line-start
 * table when something is reported), chevrotain's first-character optimisation, and no
 * checks of the token definitions at start-up (the tests cover them).
 */
export const LEXER_CONFIG = { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: true } as const satisfies ILexerConfig;

const LF = 10;
const CR = 13;
const SP = 32;
const TAB = 9;
const BACKSLASH = 92;

export function atLineStart(text: string, offset: number): boolean {
  return offset === 0 || text.charCodeAt(offset - 1) === LF;
}

/** A match result in the shape chevrotain expects from a custom pattern (null when empty). */
export function matched(text: string, start: number, end: number): RegExpExecArray | null {
  if (end <= start) return null;
  return [text.slice(start, end)] as unknown as RegExpExecArray;
}

/** Offset just past the end of the physical line's content (before CRLF or LF). */
export function lineContentEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return nl > offset && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
}

/** True when `\` at `offset` is a line continuation: the last character of its line. */
export function isContinuationAt(text: string, offset: number): boolean {
  if (text.charCodeAt(offset) !== BACKSLASH) return false;
  const n = text.charCodeAt(offset + 1);
  return n === LF || (n === CR && text.charCodeAt(offset + 2) === LF);
}

/**
 * Whether the previous token makes the current physical line a continuation of the
 * previous logical line (the previous line ended with `\`, or was a comment line inside
 * a continued logical line).
 */
export type ContinuationTest = (previous: IToken | undefined) => boolean;

/** A whole-line comment starting in column 1 with one of `chars`; the newline is not part of it. */
export function lineCommentPattern(chars: string, onlyWhen?: (prev: IToken | undefined) => boolean): CustomPatternMatcherFunc {
  return (text, offset, tokens) => {
    if (!atLineStart(text, offset) || !chars.includes(text[offset])) return null;
    if (onlyWhen && !onlyWhen(tokens[tokens.length - 1])) return null;
    return matched(text, offset, lineContentEnd(text, offset));
  };
}

/**
 * A comment line met while a logical line is being continued. The reader drops it and
 * goes on with the next physical line, so the token includes its line break: the logical
 * line is not ended by it.
 */
export function continuedCommentPattern(chars: string, isContinued: ContinuationTest): CustomPatternMatcherFunc {
  return (text, offset, tokens) => {
    if (!atLineStart(text, offset) || !chars.includes(text[offset])) return null;
    if (!isContinued(tokens[tokens.length - 1])) return null;
    const nl = text.indexOf('\n', offset);
    return matched(text, offset, nl === -1 ? text.length : nl + 1);
  };
}

/** A `<path` include line in column 1 (not inside a continued logical line). */
export function includePattern(isContinued: ContinuationTest): CustomPatternMatcherFunc {
  return (text, offset, tokens) => {
    if (!atLineStart(text, offset) || text.charCodeAt(offset) !== 60 /* < */) return null;
    if (isContinued(tokens[tokens.length - 1])) return null;
    return matched(text, offset, lineContentEnd(text, offset));
  };
}

/**
 * A blank line: nothing but spaces and tabs, with its line break. Lines of only
 * whitespace count as blank (what an administrator sees; see grammar/README.md).
 * Not produced inside a continued logical line, where an empty physical line simply
 * ends the logical line.
 */
export function blankLinePattern(isContinued: ContinuationTest): CustomPatternMatcherFunc {
  return (text, offset, tokens) => {
    if (!atLineStart(text, offset)) return null;
    if (isContinued(tokens[tokens.length - 1])) return null;
    let i = offset;
    const n = text.length;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === SP || c === TAB) i++;
      else break;
    }
    if (i === n) return matched(text, offset, i);
    if (text.charCodeAt(i) === LF) return matched(text, offset, i + 1);
    if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) return matched(text, offset, i + 2);
    return null;
  };
}

/**
 * A run of non-blank characters. Stops before space, tab and line breaks, and before a
 * backslash that ends the line (a continuation). A CR that is not part of CRLF, a
 * backslash elsewhere and any other byte are ordinary characters.
 */
export function wordPattern(stopAt = ''): CustomPatternMatcherFunc {
  const stops = new Set([...stopAt].map((c) => c.charCodeAt(0)));
  // The bulk of a word is scanned by a native character-class regex; the loop below only
  // decides at the characters that may end it.
  const escaped = [...stopAt].map((c) => `\\${c}`).join('');
  const bulk = new RegExp(`[^ \\t\\n\\r\\\\${escaped}]*`, 'y');
  return (text, offset) => {
    let i = offset;
    const n = text.length;
    for (;;) {
      bulk.lastIndex = i;
      bulk.test(text);
      i = bulk.lastIndex;
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === SP || c === TAB || c === LF) break;
      if (c === CR) {
        if (text.charCodeAt(i + 1) === LF) break;
      } else if (c === BACKSLASH) {
        if (isContinuationAt(text, i)) break;
      } else if (stops.has(c)) {
        if (i === offset) return null;
        break;
      }
      i++;
    }
    return matched(text, offset, i);
  };
}

/**
 * The content of a physical line: up to its line break, or up to a backslash that ends
 * the line (a continuation). Blanks at the start and end belong to it; a CR that is not
 * part of CRLF is an ordinary character.
 */
export function lineBodyPattern(): CustomPatternMatcherFunc {
  return (text, offset) => {
    let end = lineContentEnd(text, offset);
    // (a `\` before a line break is the continuation, a token of its own)
    if (end > offset && end < text.length && text.charCodeAt(end - 1) === BACKSLASH) end--;
    return matched(text, offset, end);
  };
}

/**
 * A run of plain content lines, with their line breaks: consecutive whole logical lines
 * whose physical lines each have something other than blanks and do not start with `!` or
 * `<`; a physical line ending with a continuation backslash is taken with the lines it
 * continues. Only at the start of a line that does not continue a logical line. A logical
 * line that a comment, blank line, include or the end of the file cuts short is left to
 * the line-by-line tokens. In a file of 200,000 rewrite rules most of the text is such
 * runs, and in a channel table most blocks are one run: one token per run keeps the
 * parser's work independent of the number of lines.
 */
export function contentRunPattern(isContinued: ContinuationTest): CustomPatternMatcherFunc {
  return (text, offset, tokens) => {
    if (!atLineStart(text, offset) || isContinued(tokens[tokens.length - 1])) return null;
    const n = text.length;
    /** Start of the next logical line, and end of the last whole one taken. */
    let pos = offset;
    let end = offset;
    logical: while (pos < n) {
      let p = pos;
      let lineEnd: number;
      for (;;) {
        const first = text.charCodeAt(p);
        if (first === 33 /* ! */ || first === 60 /* < */) break logical;
        const nl = text.indexOf('\n', p);
        let contentEnd = nl === -1 ? n : nl;
        if (nl !== -1 && contentEnd > p && text.charCodeAt(contentEnd - 1) === CR) contentEnd--;
        let k = p;
        while (k < contentEnd) {
          const c = text.charCodeAt(k);
          if (c === SP || c === TAB) k++;
          else break;
        }
        if (k === contentEnd) break logical; // a blank or whitespace-only line
        if (nl === -1) {
          end = n;
          break logical;
        }
        if (text.charCodeAt(contentEnd - 1) !== BACKSLASH) {
          lineEnd = nl + 1;
          break;
        }
        p = nl + 1; // continued: the next physical line belongs to this logical line
        if (p >= n) break logical;
      }
      end = pos = lineEnd;
    }
    return matched(text, offset, end);
  };
}

/** A double-quoted string closed on the same physical line. */
export function quotedPattern(): CustomPatternMatcherFunc {
  return (text, offset) => {
    if (text.charCodeAt(offset) !== 34) return null;
    const end = lineContentEnd(text, offset + 1);
    const close = text.indexOf('"', offset + 1);
    if (close === -1 || close >= end) return null;
    return matched(text, offset, close + 1);
  };
}

/**
 * Characters that can start a word: everything but blanks and line feeds. Chevrotain's
 * first-character optimisation keys characters below 256 one by one and folds higher
 * ones into buckets of 255, so one code per bucket covers the rest of the BMP (and the
 * UTF-16 surrogates of astral characters).
 */
export const WORD_START_HINT: number[] = (() => {
  const out: number[] = [];
  for (let c = 0; c < 256; c++) if (c !== SP && c !== TAB && c !== LF) out.push(c);
  let lastBucket = -1;
  for (let c = 256; c < 65536; c++) {
    const bucket = 255 + Math.floor(c / 255);
    if (bucket !== lastBucket) {
      out.push(c);
      lastBucket = bucket;
    }
  }
  return out;
})();

/**
 * The word patterns match every character the other tokens do not, so these lexers
 * cannot fail; should one ever skip characters, they become tokens of `filler` so that
 * no text is lost.
 */
/** A token in the shape chevrotain's lexers make with positionTracking 'onlyOffset' (one shape for V8). */
export function makeToken(type: TokenType, image: string, start: number): IToken {
  return { image, startOffset: start, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type } as IToken;
}

export function fillLexGaps(text: string, tokens: IToken[], filler: TokenType): IToken[] {
  const out: IToken[] = [];
  let pos = 0;
  const gap = (end: number) => {
    if (end > pos)
      out.push(makeToken(filler, text.slice(pos, end), pos));
  };
  for (const t of tokens) {
    gap(t.startOffset);
    out.push(t);
    pos = t.startOffset + t.image.length;
  }
  gap(text.length);
  return out;
}

/** The tokens of the whole of `text` (see fillLexGaps for the `filler`). */
export function tokenizeAll(lexer: Lexer, text: string, filler: TokenType): IToken[] {
  const lexed = lexer.tokenize(text);
  return lexed.errors.length ? fillLexGaps(text, lexed.tokens, filler) : lexed.tokens;
}
