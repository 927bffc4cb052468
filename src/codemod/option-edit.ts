// Edits of option-family files (job_controller.cnf, dispatcher.cnf, option.dat): whole
// sections inserted after a neighbour in the file's own separator style, and removed so
// that inserting then removing gives back the same bytes.
import { textOf, type SyntaxNode } from '../../grammar/index.js';
import type { TextEdit } from '../edit/edits.js';
import type { OptionFileModel, OptionSection, Range, Setting } from '../model/types.js';
import { insertLines, isBareComment, nodeRange } from './text.js';

/** Header start to the end of the section's last setting (comments after it are not its own). */
export function sectionExtent(sec: OptionSection): Range {
  const last = sec.settings.length ? sec.settings[sec.settings.length - 1].node : sec.header;
  return { start: nodeRange(sec.header).start, end: nodeRange(last).end };
}

const items = (m: OptionFileModel) => m.file.tree.root.children as SyntaxNode[];

function indexOfNode(m: OptionFileModel, n: SyntaxNode): number {
  return items(m).indexOf(n);
}

function lastNode(sec: OptionSection): SyntaxNode {
  return sec.settings.length ? sec.settings[sec.settings.length - 1].node : sec.header;
}

/** The root items strictly between the end of section `a` and the header of section `b`. */
function gapBetween(m: OptionFileModel, a: OptionSection, b: OptionSection): SyntaxNode[] {
  return items(m).slice(indexOfNode(m, lastNode(a)) + 1, indexOfNode(m, b.header));
}

const lineText = (n: SyntaxNode) => textOf(n).replace(/\r?\n$/, '');

/** Leading separator comment lines of a run of items (blank lines skipped when `skipBlank`). */
function bareRun(run: SyntaxNode[], skipBlank: boolean): string[] {
  const out: string[] = [];
  for (const n of run) {
    if (n.kind === 'BlankLines' && skipBlank) continue;
    if (n.kind === 'CommentLine' && isBareComment(lineText(n))) out.push(lineText(n));
    else break;
  }
  return out;
}

export const isPoolSection = (s: OptionSection) => s.type === 'POOL' || s.type === 'QUEUE';

/**
 * The separator lines the file puts between two sections of a kind (`!` lines, say):
 * taken from the gap between the last two neighbouring sections of that kind, else from
 * the separator lines that follow `after`. Blank lines are never part of it.
 */
export function separatorStyle(m: OptionFileModel, isKind: (s: OptionSection) => boolean, after?: OptionSection): string[] {
  let best: string[] | undefined;
  for (let i = 1; i < m.sections.length; i++) {
    const a = m.sections[i - 1];
    const b = m.sections[i];
    if (!isKind(a) || !isKind(b)) continue;
    const sep = bareRun(gapBetween(m, a, b), true);
    if (!best || b === after || a === after) best = sep;
  }
  if (best) return best;
  if (!after) return [];
  return bareRun(items(m).slice(indexOfNode(m, lastNode(after)) + 1), false);
}

/**
 * Inserts a section (its lines, header first) right after section `after` (after its last
 * setting), preceded by the file's separator. Without `after`: before the first section
 * (above the comment lines that introduce it), or at the end of a file without sections.
 */
export function insertSection(m: OptionFileModel, after: OptionSection | undefined, isKind: (s: OptionSection) => boolean, lines: string[]): TextEdit {
  if (after) return insertLines(m.file, sectionExtent(after).end, [...separatorStyle(m, isKind, after), ...lines]);
  const first = m.sections[0];
  if (!first) return insertLines(m.file, m.file.text.length, lines);
  const all = items(m);
  let i = indexOfNode(m, first.header);
  while (i > 0 && all[i - 1].kind === 'CommentLine') i--;
  const sep = separatorStyle(m, isKind);
  return insertLines(m.file, nodeRange(all[i]).start, [...lines, ...sep]);
}

/** A line that only separates sections: blank, or a comment without words. */
const isSeparator = (n: SyntaxNode) => n.kind === 'BlankLines' || (n.kind === 'CommentLine' && isBareComment(lineText(n)));

/**
 * Removes a section with one separator next to it: the separator lines (blank lines and
 * comments without words) before it when they stand between it and a section of the same
 * kind, else those after it when a section of the same kind follows. The inverse of insertSection (apply it through
 * removeRanges, which keeps the file's last-line shape).
 */
export function sectionRemoval(m: OptionFileModel, sec: OptionSection, isKind: (s: OptionSection) => boolean): Range {
  const ext = sectionExtent(sec);
  const i = m.sections.indexOf(sec);
  const prev = m.sections[i - 1];
  const next = m.sections[i + 1];
  if (prev && isKind(prev) && gapBetween(m, prev, sec).every(isSeparator)) return { start: sectionExtent(prev).end, end: ext.end };
  if (next && isKind(next)) {
    const gap = gapBetween(m, sec, next);
    if (gap.length && gap.every(isSeparator)) return { start: ext.start, end: nodeRange(next.header).start };
  }
  return ext;
}

/** The text of a section's lines (header and settings, and what stands between them), as physical lines. */
export function sectionLines(m: OptionFileModel, sec: OptionSection): string[] {
  const ext = sectionExtent(sec);
  return m.file.text.slice(ext.start, ext.end).replace(/\r?\n$/, '').split(/\r?\n/);
}

/** `name=value` in the style of the file's other settings (case of names, blanks around `=`). */
export function settingLine(m: OptionFileModel, name: string, value: string, sample?: Setting): string {
  const s = sample ?? m.settings[m.settings.length - 1];
  let key = name.toLowerCase();
  let eq = '=';
  if (s) {
    const written = s.nameWord.text;
    if (written === written.toUpperCase() && /[A-Z]/.test(written)) key = name.toUpperCase();
    const between = m.file.text.slice(s.nameWord.end, s.valueRange.start);
    if (/^[ \t]*=[ \t]*$/.test(between)) eq = between;
  }
  return `${key}${eq}${value}`;
}

/** `[TYPE=value]` with the type written as the file's other headers of that kind write it. */
export function headerLine(m: OptionFileModel, type: string, value: string): string {
  const sample = m.sections.find((s) => s.type === type);
  if (sample) {
    const img = textOf(sample.header);
    const eq = img.indexOf('=');
    if (img.startsWith('[') && eq > 0) return `${img.slice(0, eq)}=${value}]`;
  }
  return `[${type}=${value}]`;
}
