// The linting API: what src/index.ts re-exports for library users, editors and the CLI.
export {
  lintDirectory,
  lintFiles,
  lintText,
  lintModel,
  outputFixes,
  errorsOnly,
  detectFragment,
  knownRuleIds,
  ruleMetas,
  resolveLintConfig,
  BUILTIN_RULES,
  MAX_FIX_PASSES,
  LintInputError,
  LintInternalError,
} from './engine.js';
export type { LintOptions, LintTextOptions, LintResult, ResultMessage, SuppressedMessage } from './engine.js';
export { LintConfigError, CONFIG_FILE_NAME, findConfigFile, loadConfigFile } from './config.js';
export type { LintConfigInput, RuleSettingInput, ResolvedConfig } from './config.js';
export { REPORTERS, FORMAT_NAMES } from './reporters/index.js';
export type { Reporter, ReporterContext } from './reporters/index.js';
export type { Rule, RuleMeta, RuleContext, LintScope, Report, LintMessage, Severity, SeveritySetting } from './types.js';
