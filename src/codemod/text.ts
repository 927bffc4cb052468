// Line-level helpers for minimal edits on lossless text: insert whole lines with the
// file's own line break, remove whole lines without leaving the file's last-line shape
// changed, and say where something is (file:line:col) in messages.
import { endOf, startOf, type SyntaxNode } from '../../grammar/index.js';
import { atLineStart } from '../../grammar/lexing.js';
import { lineBreakOf, type TextEdit } from '../edit/edits.js';
import type { Range, SourceFile } from '../model/types.js';

export const nodeRange = (n: SyntaxNode): Range => ({ start: startOf(n), end: endOf(n) });

/** `imta.cnf:12:3` for an offset of a file. */
export function where(file: SourceFile, offset: number): string {
  const p = file.lines.position(offset);
  return `${file.relPath}:${p.line}:${p.column}`;
}


export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Inserts whole lines (given without line breaks; '' is a blank line) at `offset`, which
 * is either the start of a line or the end of a file whose last line has no line break
 * (then the lines follow a new line break, and the file still ends without one).
 */
export function insertLines(file: SourceFile, offset: number, lines: readonly string[]): TextEdit {
  const lb = lineBreakOf(file.text);
  let text: string;
  if (atLineStart(file.text, offset)) text = lines.map((l) => l + lb).join('');
  else if (offset === file.text.length) text = lines.map((l) => lb + l).join('');
  else throw new Error(`insertLines: offset ${offset} of ${file.relPath} is inside a line`);
  return { path: file.path, start: offset, end: offset, text };
}

/**
 * Removes whole lines [start, end). When they run to the end of a file that does not end
 * with a line break, the line break before them goes too, so the file keeps its shape
 * (the inverse of insertLines at the end of such a file).
 */
export function removeLines(file: SourceFile, start: number, end: number): TextEdit {
  const t = file.text;
  if (end === t.length && end > start && t[end - 1] !== '\n' && start > 0 && t[start - 1] === '\n') {
    start -= start > 1 && t[start - 2] === '\r' ? 2 : 1;
  }
  return { path: file.path, start, end, text: '' };
}

/** Physical lines of a text (line breaks removed). */
export function physicalLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** Visual column (0-based) after `s`, tabs to multiples of 8. */
export function visualWidth(s: string, from = 0): number {
  let col = from;
  for (const c of s) col = c === '\t' ? (Math.floor(col / 8) + 1) * 8 : col + 1;
  return col;
}

/**
 * Blanks that bring `prefix` to the visual column `column`, in the style of `sample` (the
 * gap an aligned neighbour uses: tabs if it has tabs, else spaces); at least one blank.
 */
export function padTo(prefix: string, column: number, sample: string): string {
  const start = visualWidth(prefix);
  if (sample.includes('\t')) {
    let pad = '';
    let col = start;
    while (col < column || pad === '') {
      pad += '\t';
      col = visualWidth('\t', col);
    }
    return pad;
  }
  return ' '.repeat(Math.max(1, column - start));
}

/** A comment line carrying no words (`!`, `!!!!`, `! ------`): a separator. */
export function isBareComment(line: string): boolean {
  return /^[!#;][^A-Za-z0-9]*$/.test(line.replace(/\r?\n$/, ''));
}

/** Word-boundary, case-insensitive mention of a name in a text (names contain `-`, `_`, `$`). */
export function mentions(text: string, name: string): boolean {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_$-])${esc}($|[^A-Za-z0-9_$-])`, 'i').test(text);
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
