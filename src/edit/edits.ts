// The one representation of a change to configuration text, shared by rule fixes,
// codemods, the formatter's checks and the language server's quick fixes.
import type { SourceFile } from '../model/types.js';

/** Replace text[start, end) of one file with `text`. Offsets are into the file's text as read. */
export interface TextEdit {
  /** The file's path as in SourceFile.path (absolute for files read from disk). */
  path: string;
  start: number;
  end: number;
  text: string;
}

/** Edits of one change, possibly across several files, applied all or none. */
export interface Fix {
  /** What the fix does, for listings and quick-fix titles ("insert a blank line"). */
  description: string;
  edits: TextEdit[];
}

export function edit(file: SourceFile | string, start: number, end: number, text: string): TextEdit {
  return { path: typeof file === 'string' ? file : file.path, start, end, text };
}

export const insertAt = (file: SourceFile | string, offset: number, text: string): TextEdit => edit(file, offset, offset, text);

/**
 * Applies edits to one text. Edits must not overlap (touching is fine: an insertion at
 * the end of a replaced range comes after it); throws on overlap, which is a bug in the
 * code that made them.
 */
export function applyEdits(text: string, edits: readonly Omit<TextEdit, 'path'>[]): string {
  if (!edits.length) return text;
  const sorted = [...edits].map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const out: string[] = [];
  let pos = 0;
  for (const { e } of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at offset ${e.start}`);
    if (e.start > text.length || e.end > text.length || e.end < e.start) throw new Error(`edit out of range ${e.start}-${e.end}`);
    out.push(text.slice(pos, e.start), e.text);
    pos = e.end;
  }
  out.push(text.slice(pos));
  return out.join('');
}

/** Groups edits by file path. */
export function editsByFile(edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const m = new Map<string, TextEdit[]>();
  for (const e of edits) {
    const list = m.get(e.path);
    if (list) list.push(e);
    else m.set(e.path, [e]);
  }
  return m;
}

/** The line break a file uses (CRLF when its first line break is CRLF), for inserted lines. */
export function lineBreakOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}
