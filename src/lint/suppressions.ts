// Inline suppressions, written as the file format's own column-1 comments:
//
//   ! cnflint-disable-next-line unknown-keyword, undefined-pool -- why
//   ! cnflint-disable unknown-keyword        (until `! cnflint-enable unknown-keyword`
//   ! cnflint-enable unknown-keyword          or the end of the file)
//   ! cnflint-disable-file channel-block-separation
//
// No rule list means every rule. In job_controller.cnf, dispatcher.cnf and option.dat the
// comment may also start with `#` or `;` (the comment characters of those files).
//
// "Next line" is the next line that is not a comment line, taken with the lines it
// continues onto with `\`: a channel's keyword line continued over three physical lines
// is one line for the MTA, and one directive above it covers all of it. Comment lines
// are skipped so that directives can be stacked.
import { commentCharsOf } from '../../grammar/index.js';
import type { SourceFile } from '../model/types.js';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty = all rules. */
  rules: string[];
  /** Text after `--`. */
  justification: string;
  /** 1-based line of the comment. */
  line: number;
  /** Range of the comment text (without its line break). */
  start: number;
  end: number;
  /** Offset where each named rule id is written, for precise reports. */
  ruleOffsets: number[];
  /** For disable-next-line: the 1-based lines covered (inclusive). */
  fromLine?: number;
  toLine?: number;
  /** Rule ids (or '*') that suppressed at least one message. */
  used: Set<string>;
}

const DIRECTIVE = /^([!#;])[ \t]*cnflint-(disable-next-line|disable-file|disable|enable)(?=[ \t\r]|$)([^\n]*)$/gm;

export { commentCharsOf };

/** Finds the directives of a file. Cheap when the file has none (one substring search). */
export function parseDirectives(file: SourceFile): Directive[] {
  const text = file.text;
  if (!text.includes('cnflint-')) return [];
  const chars = commentCharsOf(file.kind);
  const out: Directive[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    if (!chars.includes(m[1])) continue;
    let body = m[3].replace(/\r$/, '');
    const bodyStart = m.index + m[0].length - m[3].length;
    let justification = '';
    const dash = body.search(/(^|[ \t])--([ \t]|$)/);
    if (dash !== -1) {
      justification = body.slice(dash).replace(/^[ \t]*--/, '').trim();
      body = body.slice(0, dash);
    }
    const rules: string[] = [];
    const ruleOffsets: number[] = [];
    const idRe = /[^\s,]+/g;
    for (let r = idRe.exec(body); r; r = idRe.exec(body)) {
      rules.push(r[0]);
      ruleOffsets.push(bodyStart + r.index);
    }
    const line = file.lines.position(m.index).line;
    const d: Directive = {
      kind: m[2] as DirectiveKind,
      rules,
      justification,
      line,
      start: m.index,
      end: m.index + m[0].replace(/\r$/, '').length,
      ruleOffsets,
      used: new Set(),
    };
    if (d.kind === 'disable-next-line') {
      const span = nextLogicalLine(file, line, chars);
      if (span) [d.fromLine, d.toLine] = span;
    }
    out.push(d);
  }
  return out;
}

function isCommentLine(text: string, chars: string): boolean {
  return text.length > 0 && chars.includes(text[0]);
}

function endsWithContinuation(text: string): boolean {
  return text.endsWith('\\');
}

/** The lines of the first logical line after `line` that is not a comment line. */
function nextLogicalLine(file: SourceFile, line: number, chars: string): [number, number] | undefined {
  const count = file.lines.lineCount();
  let first = line + 1;
  while (first <= count && isCommentLine(file.lines.lineText(first), chars)) first++;
  if (first > count) return undefined;
  let last = first;
  let continued = endsWithContinuation(file.lines.lineText(first));
  while (continued && last < count) {
    last++;
    const t = file.lines.lineText(last);
    // A comment line inside a continued line is dropped by the reader; the line goes on.
    if (isCommentLine(t, chars)) continue;
    continued = endsWithContinuation(t);
  }
  return [first, last];
}

function names(d: Directive, ruleId: string): boolean {
  return d.rules.length === 0 || d.rules.includes(ruleId);
}

/** Rules that can never be suppressed (the reports about directives themselves). */
export const UNSUPPRESSIBLE = new Set(['unused-disable']);

/**
 * The directives of one file, answering whether a message is suppressed and recording
 * which directive (and which of its rule ids) did it.
 */
export class FileSuppressions {
  private readonly blocks: Directive[];
  private readonly nextLine: Directive[];
  private readonly wholeFile: Directive[];

  constructor(readonly directives: Directive[]) {
    this.blocks = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
    this.nextLine = directives.filter((d) => d.kind === 'disable-next-line');
    this.wholeFile = directives.filter((d) => d.kind === 'disable-file');
  }

  /** The directives that suppress a message of `ruleId` starting on `line` (empty: not suppressed). */
  suppressors(ruleId: string, line: number): Directive[] {
    if (UNSUPPRESSIBLE.has(ruleId)) return [];
    const found: Directive[] = [];
    for (const d of this.wholeFile) if (names(d, ruleId)) found.push(d);
    for (const d of this.nextLine) if (d.fromLine !== undefined && line >= d.fromLine && line <= d.toLine! && names(d, ruleId)) found.push(d);
    let active: Directive | undefined;
    for (const d of this.blocks) {
      if (d.line >= line) break;
      if (!names(d, ruleId)) continue;
      active = d.kind === 'disable' ? d : undefined;
    }
    if (active) found.push(active);
    for (const d of found) d.used.add(d.rules.length ? ruleId : '*');
    return found;
  }
}
