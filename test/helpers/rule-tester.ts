// Table-driven rule tests, ESLint's RuleTester in spirit: each case is a small
// configuration (one or more files), the exact messages expected with their whole 1-based
// ranges (endLine may be left out for a range on one line), and for fixable rules the text
// after all fixes are applied.
import { buildModel, type TopFile } from '../../src/model/load.js';
import { applyEdits, editsByFile } from '../../src/edit/edits.js';
import { chooseFixes } from '../../src/lint/engine.js';
import type { LintScope, Report, Rule } from '../../src/lint/types.js';
import type { FileKind } from '../../grammar/index.js';

export interface CaseFiles {
  /** imta.cnf text, or other files by name: { 'imta.cnf': '...', 'job_controller.cnf': '...' }. */
  [relPath: string]: string;
}

export interface ExpectedMessage {
  message: string;
  /** File the message is in (default: imta.cnf, or the only file). */
  file?: string;
  line: number;
  column: number;
  /** Default: `line` (a range on one line). */
  endLine?: number;
  endColumn: number;
  /** The report's own severity, when the rule gives one (a rule's lesser findings); else the rule's default. */
  severity?: 'error' | 'warning' | 'info';
}

export interface RuleCase {
  name?: string;
  files: CaseFiles | string;
  options?: Record<string, unknown>;
  scope?: Partial<LintScope>;
  /** imta.cnf family: the text is a fragment starting in this section. */
  fragment?: 'rules' | 'channels';
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedMessage[];
  /** Expected texts after applying every fix (by file); omit when the rule gives no fix. */
  output?: CaseFiles | string;
}

const KIND_BY_NAME: Record<string, FileKind> = {
  'imta.cnf': 'imta.cnf',
  'job_controller.cnf': 'job_controller.cnf',
  'dispatcher.cnf': 'dispatcher.cnf',
  'option.dat': 'option.dat',
  mappings: 'mappings',
  aliases: 'aliases',
};

function normalizeFiles(files: CaseFiles | string): CaseFiles {
  return typeof files === 'string' ? { 'imta.cnf': files } : files;
}

export interface RunResult {
  reports: (Report & { line: number; column: number; endLine: number; endColumn: number; relPath: string })[];
  /** Texts after applying all fixes. */
  fixed: CaseFiles;
}

/** Runs one rule over in-memory files (no include files on disk unless given by name). */
export function runRule(rule: Rule, c: RuleCase): RunResult {
  const files = normalizeFiles(c.files);
  const tops: TopFile[] = [];
  const overrides: Record<string, string> = {};
  for (const [rel, text] of Object.entries(files)) {
    const kind = KIND_BY_NAME[rel];
    if (kind) tops.push({ relPath: rel, kind, text, start: kind === 'imta.cnf' && c.fragment === 'channels' ? 'channels' : undefined });
    else overrides[rel] = text; // included files
  }
  const dir = '/nonexistent-cnflint-test-dir';
  const model = buildModel({ dir, files: tops, overrides });
  const reports: RunResult['reports'] = [];
  const directory = c.scope?.directory ?? ('imta.cnf' in files && 'job_controller.cnf' in files);
  const scope: LintScope = {
    directory,
    complete: c.scope?.complete ?? (directory || (!c.fragment && 'imta.cnf' in files)),
    fragment: c.fragment,
    kinds: new Set(tops.map((t) => t.kind)),
    ...c.scope,
  };
  rule.create({
    model,
    options: { ...(rule.meta.defaultOptions ?? {}), ...(c.options ?? {}) },
    scope,
    report(r) {
      const s = r.file.lines.position(r.start);
      const e = r.file.lines.position(r.end);
      reports.push({ ...r, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, relPath: r.file.relPath });
    },
  });
  reports.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : a.start - b.start));
  // Apply the fixes one pass of --fix would (the engine's choice of non-overlapping fixes).
  const fixed: CaseFiles = { ...files };
  const byPath = editsByFile(chooseFixes(reports));
  for (const f of model.files) {
    const edits = byPath.get(f.path);
    if (edits) fixed[f.relPath] = applyEdits(f.text, edits);
  }
  return { reports, fixed };
}

/** Declares jest tests for a rule: valid cases report nothing, invalid ones exactly `errors`. */
export function ruleTester(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      cases.valid.forEach((c, i) => {
        test(c.name ?? `valid #${i + 1}`, () => {
          const { reports } = runRule(rule, c);
          expect(reports.map((r) => `${r.relPath}:${r.line}:${r.column} ${r.message}`)).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        test(c.name ?? `invalid #${i + 1}`, () => {
          const { reports, fixed } = runRule(rule, c);
          const files = normalizeFiles(c.files);
          const defaultFile = 'imta.cnf' in files ? 'imta.cnf' : Object.keys(files)[0];
          expect(reports.length).toBe(c.errors.length);
          c.errors.forEach((exp, k) => {
            const got = reports[k];
            // The exact message and the whole range, as ESLint's RuleTester checks them.
            expect({ message: got.message, file: got.relPath, line: got.line, column: got.column, endLine: got.endLine, endColumn: got.endColumn }).toEqual({
              message: exp.message,
              file: exp.file ?? defaultFile,
              line: exp.line,
              column: exp.column,
              endLine: exp.endLine ?? exp.line,
              endColumn: exp.endColumn,
            });
            if (exp.severity !== undefined) expect(got.severity ?? rule.meta.severity).toBe(exp.severity);
          });
          if (c.output !== undefined) expect(fixed).toEqual({ ...files, ...normalizeFiles(c.output) });
          else expect(reports.filter((r) => r.fix)).toEqual([]);
        });
      });
    });
  });
}
