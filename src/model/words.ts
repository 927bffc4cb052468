// Logical-line words: how the MTA's reader splits a (possibly continued) line.
import { tokenKind, type SyntaxNode, type Token } from '../../grammar/index.js';
import type { Range, Word } from './types.js';

const CURLY_OPEN = new Set(['\u201c', '\u201d', '\u201e', '\u2018', '\u2019']);

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
 */
export function lineWords(line: SyntaxNode | Token[]): LineWords {
  const tokens = Array.isArray(line) ? line : (line.children as Token[]);
  const words: Word[] = [];
  const broken: Range[] = [];
  // The word being read: its text so far (parts joined only when a continuation fuses
  // two), start and end. Plain locals: this runs for every word of every channel block.
  let text: string | undefined;
  let start = 0;
  let end = 0;
  let fused = false;
  let afterContinuation = false;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const kind = tokenKind(t);
    if (kind === 'Continuation' || kind === 'ContinuedComment') {
      if (kind === 'Continuation') afterContinuation = true;
      continue;
    }
    if (!isWordToken(kind)) {
      if (text !== undefined) words.push(makeWord(text, start, end, fused));
      text = undefined;
      afterContinuation = false;
      continue;
    }
    if (t.image === '\\' && isLastOnPhysicalLine(tokens, i)) {
      if (text !== undefined) words.push(makeWord(text, start, end, fused));
      text = undefined;
      broken.push({ start: t.startOffset, end: t.startOffset + 1 });
      continue;
    }
    if (text !== undefined && afterContinuation) {
      text += t.image;
      fused = true;
    } else {
      if (text !== undefined) words.push(makeWord(text, start, end, fused));
      text = t.image;
      start = t.startOffset;
      fused = false;
    }
    end = t.startOffset + t.image.length;
    afterContinuation = false;
  }
  if (text !== undefined) words.push(makeWord(text, start, end, fused));
  return { words, brokenContinuations: broken };
}

/** Token i is followed only by blanks before the end of its physical line. */
function isLastOnPhysicalLine(tokens: Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length; k++) {
    const kind = tokenKind(tokens[k]);
    if (kind === 'Ws') continue;
    return kind === 'Newline';
  }
  return true;
}

export function makeWord(text: string, start: number, end: number, fused = false): Word {
  const w: Word = { text, start, end, quoted: false, value: text };
  if (fused) w.fused = true;
  const first = text[0];
  if (first === '"') {
    w.quoted = true;
    if (text.length > 1 && text.endsWith('"')) w.value = text.slice(1, -1);
    else if (text.length > 1 && CURLY_OPEN.has(text[text.length - 1])) {
      w.value = text.slice(1, -1);
      w.curlyQuotes = true;
    } else {
      w.value = text.slice(1);
      w.unterminatedQuote = true;
    }
  } else if (first !== undefined && CURLY_OPEN.has(first)) {
    w.quoted = true;
    w.curlyQuotes = true;
    const last = text[text.length - 1];
    if (text.length > 1 && (CURLY_OPEN.has(last) || last === '"')) w.value = text.slice(1, -1);
    else {
      w.value = text.slice(1);
      w.unterminatedQuote = true;
    }
  }
  return w;
}
