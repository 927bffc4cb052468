// Physical-line arithmetic on a file's text, for rules that report or edit whole lines
// (blank lines, comments, continuation backslashes). Offsets are string offsets.
import { tokenKind, type SyntaxNode, type Token } from '../../grammar/index.js';

/** Offset of the start of the physical line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the content of the physical line holding `offset` (before CRLF / LF). */
export { lineContentEnd as lineContentEndAt } from '../../grammar/lexing.js';

/** Offset of the start of the next physical line, or undefined at the last line. */
export function nextLineStart(text: string, offset: number): number | undefined {
  const nl = text.indexOf('\n', offset);
  return nl === -1 || nl + 1 >= text.length ? undefined : nl + 1;
}

/**
 * End of a logical line's content: the end of its last token that is not the line break
 * (trailing blanks included). Where a ` \` goes to continue the line.
 */
export function contentEndOf(node: SyntaxNode): number {
  const toks = node.children as Token[];
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i];
    if (tokenKind(t) === 'Newline') continue;
    return t.startOffset + t.image.length;
  }
  return 0;
}

/** The end of a logical line's last word (trailing blanks and line break excluded). */
export function lastWordEndOf(node: SyntaxNode): number {
  const toks = node.children as Token[];
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i];
    const k = tokenKind(t);
    if (k === 'Newline' || k === 'Ws' || k === 'Continuation' || k === 'ContinuedComment') continue;
    return t.startOffset + t.image.length;
  }
  return 0;
}

/** Whether a logical line spans more than one physical line. */
export function isContinued(node: SyntaxNode): boolean {
  return (node.children as Token[]).some((t) => {
    const k = tokenKind(t);
    return k === 'Continuation' || k === 'ContinuedComment';
  });
}

/** What to append at `at` to continue a line: `' \\'`, or `'\\'` when a blank is already there. */
export function continuationSuffix(text: string, at: number): string {
  const prev = text.charCodeAt(at - 1);
  return prev === 32 || prev === 9 ? '\\' : ' \\';
}
