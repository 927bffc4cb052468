// ESLint's JSON format, so that tools written for ESLint output read ours: an array of
// { filePath, messages, suppressedMessages, errorCount, fatalErrorCount, warningCount,
// fixableErrorCount, fixableWarningCount, source?, output?, usedDeprecatedRules }.
//
// Info messages (cnflint's third level, which ESLint lacks) are included with
// `severity: 0` and `"level": "info"`: ESLint consumers that look at 1 and 2 ignore them,
// as our own counts do (they are not problems). Every result also has `infoCount`.
// `fix` is ESLint's single { range, text } replacement; a fix whose edits reach another
// file cannot be written that way and is left out (the message still counts as fixable).
import { applyEdits, type Fix } from '../../edit/edits.js';
import type { LintResult, ResultMessage } from '../engine.js';
import type { Reporter } from './types.js';

const SEVERITY = { error: 2, warning: 1, info: 0 } as const;

/** ESLint's { range, text } for a fix whose edits all lie in `filePath`. */
export function eslintFix(fix: Fix, filePath: string, text: string): { range: [number, number]; text: string } | undefined {
  if (!fix.edits.length || fix.edits.some((e) => e.path !== filePath)) return undefined;
  const start = Math.min(...fix.edits.map((e) => e.start));
  const end = Math.max(...fix.edits.map((e) => e.end));
  try {
    const replaced = applyEdits(
      text.slice(start, end),
      fix.edits.map((e) => ({ start: e.start - start, end: e.end - start, text: e.text })),
    );
    return { range: [start, end], text: replaced };
  } catch {
    return undefined;
  }
}

function jsonMessage(m: ResultMessage, r: LintResult) {
  const text = r.output ?? r.source;
  const out: Record<string, unknown> = {
    ruleId: m.ruleId,
    severity: SEVERITY[m.severity],
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
  };
  if (m.severity === 'info') out.level = 'info';
  if (m.fix) {
    const fix = eslintFix(m.fix, r.filePath, text);
    if (fix) out.fix = fix;
  }
  if (m.suggestions?.length) {
    const suggestions = m.suggestions.flatMap((s) => {
      const fix = eslintFix(s, r.filePath, text);
      return fix ? [{ desc: s.description, fix }] : [];
    });
    if (suggestions.length) out.suggestions = suggestions;
  }
  return out;
}

export function toEslintJson(results: readonly LintResult[]) {
  return results.map((r) => {
    const out: Record<string, unknown> = {
      filePath: r.filePath,
      messages: r.messages.map((m) => jsonMessage(m, r)),
      suppressedMessages: r.suppressedMessages.map((m) => ({ ...jsonMessage(m, r), suppressions: m.suppressions })),
      errorCount: r.errorCount,
      fatalErrorCount: 0,
      warningCount: r.warningCount,
      fixableErrorCount: r.fixableErrorCount,
      fixableWarningCount: r.fixableWarningCount,
      infoCount: r.infoCount,
    };
    if (r.output !== undefined) out.output = r.output;
    else if (r.messages.length) out.source = r.source;
    out.usedDeprecatedRules = [];
    return out;
  });
}

export const json: Reporter = (results) => `${JSON.stringify(toEslintJson(results))}\n`;
