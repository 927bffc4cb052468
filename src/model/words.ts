// Logical-line words: how the MTA's reader splits a (possibly continued) line.
import { tokenKind, type SyntaxNode, type Token } from '../../grammar/index.js';
import { forEachRunLineWordToken, forEachWordToken, scanPlainBody, type RunItem } from '../../grammar/imta.js';
import { TYPOGRAPHIC_QUOTES } from './keywords.js';
import type { Range, Word } from './types.js';


export interface LineWords {
  words: Word[];
  /** `\` followed only by blanks at the end of a physical line: not a continuation. */
  brokenContinuations: Range[];
}

function isWordToken(kind: string): boolean {
  return kind === 'Word' || kind === 'Quoted' || kind === 'Name' || kind === 'Value';
}

/**
 * Splits the tokens of one logical line into words. A continuation joins the physical
 * lines without inserting anything, so word parts on both sides of a `\` with no blank
 * between them form one word, as the MTA reads it.
 *
 * A content line not yet split into tokens is read from its line bodies directly
 * (forEachWordToken): the words are the same, and no token objects are made.
 */
export function lineWords(line: SyntaxNode | Token[]): LineWords {
  const reader = new WordReader();
  if (Array.isArray(line)) for (const t of line) reader.token(tokenKind(t), t.image, t.startOffset);
  else
    forEachWordToken(
      line,
      (type, image, start) => reader.token(type.name, image, start),
      (image, base) => reader.plainBody(image, base),
    );
  return reader.finish();
}

/**
 * The words of a content run's logical line (as forEachRunLine gives it), read from the
 * run's text: the same as lineWords of its line node, which is not made.
 */
export function runLineWords(item: RunItem, bodyStart: number, bodyEnd: number, lineEnd: number, continued: boolean): LineWords {
  const reader = new WordReader();
  forEachRunLineWordToken(
    item,
    bodyStart,
    bodyEnd,
    lineEnd,
    continued,
    (type, image, start) => reader.token(type.name, image, start),
    (image, base) => reader.plainBody(image, base),
  );
  return reader.finish();
}

/**
 * Reads a line's tokens one at a time. A lone `\` word is a broken continuation when only
 * blanks follow it on its physical line; that is known only at the next token that is not
 * a blank, so the `\` waits until then (`pending`).
 */
class WordReader {
  private readonly words: Word[] = [];
  private readonly broken: Range[] = [];
  /** The word being read: its text so far, start, end, and whether a continuation fused it. */
  private text: string | undefined;
  private start = 0;
  private end = 0;
  private fused = false;
  private afterContinuation = false;
  /** Offset of a lone `\` word not yet known to end its physical line; -1: none. */
  private pending = -1;
  /** Blanks came after the pending `\`. */
  private pendingBlanks = false;

  token(kind: string, image: string, start: number): void {
    if (this.pending >= 0) {
      if (kind === 'Ws') {
        this.pendingBlanks = true;
        return;
      }
      const at = this.pending;
      this.pending = -1;
      if (kind === 'Newline') {
        this.flush();
        this.broken.push({ start: at, end: at + 1 });
      } else {
        // Not the end of the line: an ordinary word after all, and the blanks after it.
        this.word('\\', at);
        if (this.pendingBlanks) this.separator();
      }
      this.pendingBlanks = false;
    }
    if (kind === 'Continuation' || kind === 'ContinuedComment') {
      if (kind === 'Continuation') this.afterContinuation = true;
    } else if (!isWordToken(kind)) this.separator();
    else if (image === '\\') this.pending = start;
    else this.word(image, start);
  }

  /**
   * A line body without a double quote: maximal runs of blanks (Ws) and of other characters
   * (Word), as the word lexer would split it; only the words' texts are cut out.
   */
  plainBody(image: string, base: number): void {
    scanPlainBody(
      image,
      base,
      (text, start) => this.token('Word', text, start),
      // (a blank's text is never read: token() looks only at its kind)
      (start) => this.token('Ws', '', start),
    );
  }

  finish(): LineWords {
    if (this.pending >= 0) {
      this.flush();
      this.broken.push({ start: this.pending, end: this.pending + 1 });
    }
    this.flush();
    return { words: this.words, brokenContinuations: this.broken };
  }

  private word(image: string, start: number): void {
    if (this.text !== undefined && this.afterContinuation) {
      this.text += image;
      this.fused = true;
    } else {
      this.flush();
      this.text = image;
      this.start = start;
      this.fused = false;
    }
    this.end = start + image.length;
    this.afterContinuation = false;
  }

  private separator(): void {
    this.flush();
    this.afterContinuation = false;
  }

  private flush(): void {
    if (this.text !== undefined) this.words.push(makeWord(this.text, this.start, this.end, this.fused));
    this.text = undefined;
  }
}

export function makeWord(text: string, start: number, end: number, fused = false): Word {
  const w: Word = { text, start, end, quoted: false, value: text };
  if (fused) w.fused = true;
  // Most words start with an ASCII character other than '"': no quote to look at (the
  // typographic quotes are all beyond ASCII).
  const c = text.charCodeAt(0);
  if (c < 128 && c !== 34) return w;
  const first = text[0];
  if (first === '"') {
    w.quoted = true;
    if (text.length > 1 && text.endsWith('"')) w.value = text.slice(1, -1);
    else if (text.length > 1 && TYPOGRAPHIC_QUOTES.has(text[text.length - 1])) {
      w.value = text.slice(1, -1);
      w.curlyQuotes = true;
    } else {
      w.value = text.slice(1);
      w.unterminatedQuote = true;
    }
  } else if (first !== undefined && TYPOGRAPHIC_QUOTES.has(first)) {
    w.quoted = true;
    w.curlyQuotes = true;
    const last = text[text.length - 1];
    if (text.length > 1 && (TYPOGRAPHIC_QUOTES.has(last) || last === '"')) w.value = text.slice(1, -1);
    else {
      w.value = text.slice(1);
      w.unterminatedQuote = true;
    }
  }
  return w;
}
