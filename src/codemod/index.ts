// Codemods: ConfigModel + arguments → a plan of minimal text edits, or a refusal.
export { addChannel, defaultNames, domainRules, keywordLines, DEFAULT_LIKE, DEFAULT_JOB_LIMIT, SERVER_STEPS } from './add-channel.js';
export type { AddChannelArgs } from './add-channel.js';
export { removeChannel } from './remove-channel.js';
export type { RemoveChannelArgs } from './remove-channel.js';
export { renameChannel, BUILT_IN_CHANNELS } from './rename-channel.js';
export type { RenameChannelArgs } from './rename-channel.js';
export { addPool, setSyncTime, JOB_CONTROLLER_STEPS } from './job-controller.js';
export type { AddPoolArgs, SetSyncTimeArgs } from './job-controller.js';
export { addRule } from './add-rule.js';
export type { AddRuleArgs } from './add-rule.js';
export { runCodemod, changesOf, rebuildModel, unifiedDiff, hunksOf } from './run.js';
export type { FileChange, RunOptions, RunResult, RunStatus } from './run.js';
export { engineLinter, newErrors } from './relint.js';
export type { Linter, LintProblem, EngineLinterOptions } from './relint.js';
export { isRefusal, refuse } from './types.js';
export type { Codemod, CodemodPlan, CodemodRefusal, CodemodResult } from './types.js';
export { MAX_POOL_NAME, MAX_CHANNEL_NAME } from './names.js';
