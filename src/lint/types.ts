// The rule API. One module per rule under rules/, ESLint style: `meta` and `create`.
// Rules read the model and report; they never print or write files. Fixes are text
// edits (src/edit/edits.ts) that the engine applies.
import type { FileKind } from '../../grammar/index.js';
import type { Fix } from '../edit/edits.js';
import type { ConfigModel, Range, SourceFile } from '../model/types.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = 'off' | Severity;

export interface RuleMeta {
  /** Stable id, e.g. 'blank-line-in-rewrite-rules'; also the doc page docs/rules/<id>.md. */
  id: string;
  /** One line: what the rule catches. */
  description: string;
  /** Severity when the configuration does not set one. */
  severity: Severity;
  /** Whether some of its reports carry a fix that `--fix` may apply. */
  fixable: boolean;
  /** Cross-file rules need the whole configuration directory (not one file alone). */
  crossFile?: boolean;
  /** Default options, merged with those from the configuration. */
  defaultOptions?: Record<string, unknown>;
  /** The rule's documentation page (set by defineRule from the id; rules made in tests may lack it). */
  readonly docs?: RuleDocs;
}

export interface RuleDocs {
  /** Absolute URL: the page on the repository's site when package.json names one, else the installed file. */
  url: string;
  /** The page in the installed package (docs/rules/<id>.md). */
  path: string;
}

export interface Report extends Range {
  file: SourceFile;
  message: string;
  /** A safe fix, applied by --fix. */
  fix?: Fix;
  /** Alternatives offered in editors (not applied by --fix). */
  suggestions?: Fix[];
  /**
   * This report's severity when the configuration sets none for the rule (default:
   * meta.severity). For the lesser findings of a rule, e.g. keyword-arguments' warnings
   * on curly quotes next to its errors on missing arguments.
   */
  severity?: Severity;
}

export interface RuleContext {
  model: ConfigModel;
  /** The rule's options (defaultOptions merged with configuration). */
  options: Record<string, unknown>;
  /**
   * What was linted: a whole configuration directory, or single files / fragments, in
   * which case cross-file facts (pools, routing hosts, channels) may be out of sight and
   * rules must not guess.
   */
  scope: LintScope;
  report(report: Report): void;
}

export interface LintScope {
  /** A configuration directory (imta.cnf with the files beside it). */
  directory: boolean;
  /**
   * The imta.cnf text is the whole file (a directory, or a single file named imta.cnf):
   * whole-file checks apply (the first channel is l, every routing host has a channel,
   * there is a channel table). False for fragments and included files.
   */
  complete: boolean;
  /** For a single imta.cnf-family file: it is a fragment starting in this section. */
  fragment?: 'rules' | 'channels';
  /** File kinds present in the model. */
  kinds: ReadonlySet<FileKind>;
}

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): void;
}

export interface LintMessage extends Range {
  ruleId: string;
  severity: Severity;
  message: string;
  file: SourceFile;
  fix?: Fix;
  suggestions?: Fix[];
}
