// The default human-readable report, ESLint's "stylish" with a code frame under each
// message: the source line and a caret/tilde under the reported range.
import type { LintResult, ResultMessage } from '../engine.js';
import { displayPath, plural } from './paths.js';
import type { Reporter } from './types.js';

const ANSI = {
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
  dim: [2, 22],
  bold: [1, 22],
  underline: [4, 24],
} as const;
type Style = keyof typeof ANSI;

function painter(color: boolean) {
  return (style: Style, s: string) => (color && s ? `\u001b[${ANSI[style][0]}m${s}\u001b[${ANSI[style][1]}m` : s);
}

const LABEL: Record<ResultMessage['severity'], string> = { error: 'error', warning: 'warning', info: 'info' };
const TONE: Record<ResultMessage['severity'], Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

/**
 * Control characters from the configuration (a binary file, a stray escape) shown as their
 * Control Pictures symbols: one column each, so the marker still lines up, and nothing
 * from the file can drive the terminal. Tabs stay (the marker line repeats them).
 */
export function visible(s: string): string {
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, (c) => (c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))));
}

/** The source line and a marker under [column, endColumn) (to the end of the line when the range goes on). */
export function codeFrame(m: ResultMessage, paint: (s: Style, t: string) => string): string[] {
  const lines = m.file.lines;
  if (m.line > lines.lineCount()) return [];
  const text = lines.lineText(m.line);
  const num = String(m.line);
  const gutter = ' '.repeat(num.length);
  const startCol = Math.min(m.column, text.length + 1);
  const endCol = m.endLine === m.line ? Math.max(m.endColumn, startCol + 1) : Math.max(text.length + 1, startCol + 1);
  // Keep tabs where the line has them so that the marker lines up under any tab width.
  let pad = '';
  for (let i = 0; i < startCol - 1; i++) pad += text[i] === '\t' ? '\t' : ' ';
  const width = Math.max(1, Math.min(endCol, text.length + 1) - startCol) || 1;
  const marker = '^' + '~'.repeat(width - 1);
  return [`    ${paint('dim', `${num} |`)} ${visible(text)}`, `    ${paint('dim', `${gutter} |`)} ${pad}${paint(TONE[m.severity], marker)}`];
}

export const stylish: Reporter = (results, ctx) => {
  const paint = painter(ctx.color);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const r of results as LintResult[]) {
    if (!r.messages.length) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
    fixableErrors += r.fixableErrorCount;
    fixableWarnings += r.fixableWarningCount;
    out.push('', paint('underline', displayPath(r.filePath, ctx.cwd)));
    const posWidth = Math.max(...r.messages.map((m) => `${m.line}:${m.column}`.length));
    const sevWidth = Math.max(...r.messages.map((m) => LABEL[m.severity].length));
    for (const m of r.messages) {
      const pos = `${m.line}:${m.column}`.padEnd(posWidth);
      const sev = paint(TONE[m.severity], LABEL[m.severity].padEnd(sevWidth));
      out.push(`  ${paint('dim', pos)}  ${sev}  ${visible(m.message.replace(/\s*\n\s*/g, ' '))}  ${paint('dim', m.ruleId)}`);
      out.push(...codeFrame(m, paint));
    }
  }
  const problems = errors + warnings;
  if (problems > 0) {
    const tone: Style = errors ? 'red' : 'yellow';
    out.push('', paint('bold', paint(tone, `\u2716 ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`)));
    if (fixableErrors || fixableWarnings)
      out.push(paint('bold', paint(tone, `  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`)));
  }
  if (infos > 0) {
    if (!problems) out.push('');
    out.push(paint('cyan', `\u2139 ${plural(infos, 'info message')} (not counted as problems)`));
  }
  return out.length ? `${out.join('\n')}\n` : '';
};
