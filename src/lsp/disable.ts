// The "disable <rule> for this line" quick fix: a `! cnflint-disable-next-line <rule>`
// comment in column 1 above the logical line a message starts on, or the rule added to
// such a directive when one already covers that line.
import { edit, lineBreakOf, type TextEdit } from '../edit/edits.js';
import type { SourceFile } from '../model/types.js';
import { UNSUPPRESSIBLE, commentCharsOf, parseDirectives } from '../lint/suppressions.js';

const isComment = (text: string, chars: string) => text.length > 0 && chars.includes(text[0]);

/**
 * The first physical line of the logical line holding `line`: a line continued with a
 * trailing `\` goes on on the next line that is not a comment line.
 */
export function logicalLineStart(file: SourceFile, line: number): number {
  const chars = commentCharsOf(file.kind);
  let first = line;
  for (;;) {
    let k = first - 1;
    while (k >= 1 && isComment(file.lines.lineText(k), chars)) k--;
    if (k >= 1 && file.lines.lineText(k).endsWith('\\')) first = k;
    else return first;
  }
}

/**
 * The edit that suppresses `ruleId` for the message starting at `offset`, or undefined
 * when a directive cannot do it (the message is on a comment line, which a
 * next-line directive skips, or the rule cannot be suppressed).
 */
export function disableEdit(file: SourceFile, ruleId: string, offset: number): TextEdit | undefined {
  if (UNSUPPRESSIBLE.has(ruleId)) return undefined;
  const chars = commentCharsOf(file.kind);
  const msgLine = file.lines.position(offset).line;
  if (isComment(file.lines.lineText(msgLine), chars)) return undefined;
  const first = logicalLineStart(file, msgLine);
  const existing = parseDirectives(file).find((d) => d.kind === 'disable-next-line' && d.fromLine === first && d.rules.length > 0);
  if (existing) {
    if (existing.rules.includes(ruleId)) return undefined;
    const last = existing.rules.length - 1;
    const at = existing.ruleOffsets[last] + existing.rules[last].length;
    return edit(file, at, at, `, ${ruleId}`);
  }
  const at = file.lines.lineStart(first);
  return edit(file, at, at, `! cnflint-disable-next-line ${ruleId}${lineBreakOf(file.text)}`);
}
