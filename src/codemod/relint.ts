// The safety net of every codemod: the edited configuration is built in memory and linted
// before anything is written; an error that was not there before the edit (compared by
// rule id and message, not position, as a multiset) stops the change.
import { lintModel, resolveLintConfig } from '../lint/engine.js';
import type { ConfigModel } from '../model/types.js';

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Path relative to the configuration directory. */
  file: string;
  line: number;
  column: number;
}

/** Lints a whole-configuration model. */
export type Linter = (model: ConfigModel) => LintProblem[];

export interface EngineLinterOptions {
  /** Server root for absolute include paths. */
  root?: string;
  /** cnflint.config.json to use; false: none; default: the nearest one above the configuration directory. */
  configFile?: string | false;
}

/** The lint engine with the configuration's own cnflint.config.json (severities, options, suppressions). */
export function engineLinter(options: EngineLinterOptions = {}): Linter {
  // (the model before and after an edit share their directory: its configuration is found once)
  const configs = new Map<string, ReturnType<typeof resolveLintConfig>>();
  return (model) => {
    const start = model.dir ?? process.cwd();
    let config = configs.get(start);
    if (!config) configs.set(start, (config = resolveLintConfig(start, { root: options.root, configFile: model.dir ? options.configFile : false })));
    const outcome = lintModel(model, { directory: true, complete: true, kinds: new Set(model.files.map((f) => f.kind)) }, config);
    return outcome.messages.map((m) => {
      const p = m.file.lines.position(m.start);
      return { ruleId: m.ruleId, severity: m.severity, message: m.message, file: m.file.relPath, line: p.line, column: p.column };
    });
  };
}

/** Error-severity problems of `after` that `before` did not have (by rule id and message, counted). */
export function newErrors(before: readonly LintProblem[], after: readonly LintProblem[]): LintProblem[] {
  const key = (p: LintProblem) => `${p.ruleId}\0${p.message}`;
  const seen = new Map<string, number>();
  for (const p of before) if (p.severity === 'error') seen.set(key(p), (seen.get(key(p)) ?? 0) + 1);
  const out: LintProblem[] = [];
  for (const p of after) {
    if (p.severity !== 'error') continue;
    const n = seen.get(key(p)) ?? 0;
    if (n > 0) seen.set(key(p), n - 1);
    else out.push(p);
  }
  return out;
}
