// The formatter without Prettier: text in, formatted text out, or a FormatRefusal.
// The Prettier plugin (plugin.ts) is a thin wrapper around planText/renderPlan; the CLI
// and tests use formatText directly. Nothing here imports prettier.
import { parse, type FileKind } from '../../grammar/index.js';
import { planImta } from './imta.js';
import { meaningKey, meaningKeyOf } from './meaning-key.js';
import { planOptionFile } from './option-file.js';
import { detectEol, type FillPiece, type Plan, type PlanItem } from './plan.js';
import { FormatRefusal } from './refusal.js';

export { FormatRefusal, type RefusalCode } from './refusal.js';
export { meaningKey } from './meaning-key.js';
export type { Plan, PlanItem, FillPiece } from './plan.js';

/** The file kinds the formatter handles (aliases and mappings are not formatted). */
export type FormattableKind = Extract<FileKind, 'imta.cnf' | 'job_controller.cnf' | 'dispatcher.cnf' | 'option.dat'>;

export const FORMATTABLE_KINDS: readonly FormattableKind[] = ['imta.cnf', 'job_controller.cnf', 'dispatcher.cnf', 'option.dat'];

export interface LayoutOptions {
  /** Keyword lines are wrapped to stay within this many columns (Prettier's `printWidth`). Default 80. */
  printWidth?: number;
  /** Blanks before each continuation line of a wrapped keyword line. Default 2. */
  cnfIndent?: number;
  /** Align rewrite-rule templates to one column in each run of rules. Default true. */
  cnfAlignTemplates?: boolean;
  /** Patterns longer than this are not aligned (they get one blank). Default 32. */
  cnfAlignCap?: number;
}

export interface FormatOptions extends LayoutOptions {
  /** imta.cnf text: 'rules' (imta.cnf, *.rules; the default) or 'channels' (a file that starts in the channel table). */
  start?: 'rules' | 'channels';
  /** Line terminator of the result; 'auto' (default) keeps the input's. */
  endOfLine?: 'auto' | 'lf' | 'crlf';
}

export const DEFAULT_LAYOUT: Required<LayoutOptions> = {
  printWidth: 80,
  cnfIndent: 2,
  cnfAlignTemplates: true,
  cnfAlignCap: 32,
};

/**
 * Parses and checks a file (once: the plan carries the input's meaning key), and decides
 * its layout. Throws a FormatRefusal when the file cannot be formatted without risking
 * its meaning.
 */
export function planText(text: string, kind: FileKind, options: Pick<FormatOptions, 'start'> = {}): Plan {
  if (!(FORMATTABLE_KINDS as readonly string[]).includes(kind))
    throw new TypeError(`cnflint does not format ${kind} files (their layout is kept as written)`);
  const { tree, diagnostics } = parse(text, kind, { start: options.start ?? 'rules' });
  const internal = diagnostics.find((d) => d.code === 'internal-parse-error');
  if (internal) throw new FormatRefusal('internal-parse-error', internal.message, text, internal.start);
  const items = kind === 'imta.cnf' ? planImta(tree.root, text) : planOptionFile(tree.root, text);
  return { items, eol: detectEol(text), meaning: meaningKeyOf(tree.root, kind) };
}

/** Renders a plan to physical lines (without terminators). */
export function renderLines(plan: Plan, options: LayoutOptions = {}): string[] {
  const o = { ...DEFAULT_LAYOUT, ...definedOnly(options) };
  const out: string[] = [];
  const items = plan.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    switch (item.type) {
      case 'text':
        out.push(...item.lines);
        break;
      case 'blank':
        out.push('');
        break;
      case 'fill':
        out.push(...fill(item.pieces, o.printWidth, o.cnfIndent));
        break;
      case 'setting':
        out.push(...renderSetting(item, o.printWidth));
        break;
      case 'rule': {
        // A run: adjacent rules, up to the next comment, include or blank line.
        let j = i;
        while (j < items.length && items[j].type === 'rule') j++;
        out.push(...renderRules(items.slice(i, j) as Extract<PlanItem, { type: 'rule' }>[], o));
        i = j - 1;
        break;
      }
    }
  }
  return out;
}

/** Formats a whole file. Throws a FormatRefusal for files it will not touch. */
export function formatText(text: string, kind: FileKind, options: FormatOptions = {}): string {
  const plan = planText(text, kind, options);
  const lines = renderLines(plan, options);
  const eol = options.endOfLine === 'lf' ? '\n' : options.endOfLine === 'crlf' ? '\r\n' : plan.eol;
  const out = lines.length ? lines.join(eol) + eol : '';
  verifyMeaning(plan.meaning, out, kind, options.start);
  return out;
}

/**
 * Throws a FormatRefusal ('unsafe-result') unless `formatted` reads like the text whose
 * meaning key is `before`: the last line of defence against a formatter bug.
 */
export function verifyMeaning(before: string[], formatted: string, kind: FileKind, start?: 'rules' | 'channels'): void {
  const after = meaningKey(formatted, kind, start);
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) {
    if (before[i] !== after[i])
      throw new FormatRefusal(
        'unsafe-result',
        `cnflint's formatter would change what this file means (${before[i] ?? 'end of file'} became ${after[i] ?? 'end of file'}); the file is left as it is: please report this`,
        formatted,
        0,
      );
  }
}

function definedOnly(o: LayoutOptions): LayoutOptions {
  const out: LayoutOptions = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

// ---------------------------------------------------------------------------------------

/**
 * Indentation of a continuation line: `indent` blanks, but at least one before a word
 * that would mean something else in column 1.
 */
function lead(word: string, indent: number): string {
  return ' '.repeat(indent === 0 && /^[!<]/.test(word) ? 1 : indent);
}

/**
 * Greedy fill: units separated by one blank; a line that goes on ends in ` \`, and the
 * next one starts with `indent` blanks. A unit is never split, so one longer than the
 * width stands alone on its line. Comment lines stay in column 1 where they were.
 */
export function fill(pieces: FillPiece[], width: number, indent: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if ('comment' in p) {
      if (cur) lines.push(cur + ' \\');
      cur = '';
      lines.push(p.comment);
      continue;
    }
    const isLast = i === pieces.length - 1;
    if (!cur) cur = (lines.length ? lead(p.unit, indent) : '') + p.unit;
    else if (cur.length + 1 + p.unit.length + (isLast ? 0 : 2) <= width) cur += ' ' + p.unit;
    else {
      lines.push(cur + ' \\');
      cur = lead(p.unit, indent) + p.unit;
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

function renderRules(rules: Extract<PlanItem, { type: 'rule' }>[], o: Required<LayoutOptions>): string[] {
  const eligible = o.cnfAlignTemplates ? rules.filter((r) => r.align && r.template.length && r.pattern.length <= o.cnfAlignCap) : [];
  const column = eligible.length ? Math.max(...eligible.map((r) => r.pattern.length)) + 2 : 0;
  const out: string[] = [];
  for (const r of rules) {
    if (!r.template.length) {
      out.push(r.pattern);
      continue;
    }
    if (r.split && r.pattern.length + 1 + r.template[0].length > o.printWidth) {
      // Written with the template on the next line, and too long to join: it stays there.
      out.push(r.pattern + ' \\', lead(r.template[0], o.cnfIndent) + r.template[0], ...r.template.slice(1));
      continue;
    }
    let gap = 1;
    if (eligible.includes(r) && column + r.template[0].length <= o.printWidth) gap = column - r.pattern.length;
    out.push(r.pattern + ' '.repeat(gap) + r.template[0], ...r.template.slice(1));
  }
  return out;
}

function renderSetting(s: Extract<PlanItem, { type: 'setting' }>, width: number): string[] {
  const head = s.name + '=';
  if (s.lines.length === 1) return [head + s.lines[0]];
  if (s.joined !== undefined && head.length + s.joined.length <= width) return [head + s.joined];
  return [head + s.lines[0], ...s.lines.slice(1)];
}
