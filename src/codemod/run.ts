// From a codemod's plan to files on disk: apply the edits to the texts as read, re-lint
// the edited configuration in memory, show a unified diff (dry run, the default) or write
// every touched file in one all-or-nothing transaction.
import { createTwoFilesPatch, FILE_HEADERS_ONLY, structuredPatch, type StructuredPatchHunk } from 'diff';
import { applyEdits, editsByFile } from '../edit/edits.js';
import { writeFilesAtomically, WriteError, type WriteOptions } from '../edit/write.js';
import { buildModel, loadConfig, type LoadOptions } from '../model/load.js';
import type { ConfigModel, SourceFile } from '../model/types.js';
import { newErrors, type Linter, type LintProblem } from './relint.js';
import { isRefusal, type CodemodResult } from './types.js';

export interface FileChange {
  /** Absolute path (SourceFile.path). */
  path: string;
  /** Path relative to the configuration directory (diff labels). */
  relPath: string;
  before: string;
  after: string;
  encoding: 'utf8' | 'latin1';
}

export type RunStatus = 'refused' | 'nothing-to-do' | 'lint-failed' | 'planned' | 'written' | 'write-failed';

export interface RunResult {
  status: RunStatus;
  /** 0: done, planned or nothing to do; 1: refused, new lint errors, or the write failed. */
  exitCode: 0 | 1;
  /** Why nothing was done (refusal, write failure). */
  reason?: string;
  messages: string[];
  nextSteps: string[];
  changes: FileChange[];
  /** Errors the edit would introduce (status 'lint-failed'). */
  newErrors: LintProblem[];
}

export interface RunOptions {
  /** Write the files (default: dry run). */
  write?: boolean;
  /** Keep `<file>.orig` copies. */
  backup?: boolean;
  /** How the configuration was loaded (root, prefixes), to rebuild it with the edited texts. */
  load?: LoadOptions;
  /** The re-lint (default: none, for callers that lint elsewhere; the CLI passes the engine). */
  linter?: Linter;
  /** For tests: file system fault injection. */
  fsImpl?: WriteOptions['fsImpl'];
}

/** The edited texts of the files a plan touches (files whose text does not change are left out). */
export function changesOf(model: ConfigModel, result: CodemodResult): FileChange[] {
  if (isRefusal(result)) return [];
  const byPath = new Map<string, SourceFile>(model.files.map((f) => [f.path, f]));
  const out: FileChange[] = [];
  for (const [p, edits] of editsByFile(result.edits)) {
    const file = byPath.get(p);
    if (!file) throw new Error(`codemod edit for a file that is not part of the configuration: ${p}`);
    const after = applyEdits(file.text, edits);
    if (after !== file.text) out.push({ path: file.path, relPath: file.relPath, before: file.text, after, encoding: file.encoding });
  }
  return out.sort((a, b) => a.relPath.localeCompare(b.relPath));
}

/** The configuration as it would be with the changes: built in memory, nothing written. */
export function rebuildModel(model: ConfigModel, changes: readonly FileChange[], load: LoadOptions = {}): ConfigModel {
  // Every file as it was read (not read again: the comparison is with what the codemod
  // saw), then the changes; only a file the change newly brings in is read from disk.
  const overrides: Record<string, string> = { ...(load.overrides ?? {}) };
  for (const f of model.files) overrides[f.relPath] ??= f.text;
  for (const c of changes) overrides[c.relPath] = c.after;
  if (model.dir) return loadConfig(model.dir, { ...load, overrides });
  return buildModel({
    ...load,
    overrides,
    files: model.files
      .filter((f) => !f.includedFrom)
      .map((f) => ({ relPath: f.relPath, kind: f.kind, text: overrides[f.relPath] ?? f.text, encoding: f.encoding, start: f.start })),
  });
}

/** A unified diff of the changes, `a/` and `b/` paths relative to the configuration directory. */
export function unifiedDiff(changes: readonly FileChange[]): string {
  return changes
    .map((c) => createTwoFilesPatch(`a/${c.relPath}`, `b/${c.relPath}`, c.before, c.after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY }))
    .join('');
}

export function hunksOf(c: FileChange): StructuredPatchHunk[] {
  return structuredPatch(`a/${c.relPath}`, `b/${c.relPath}`, c.before, c.after).hunks;
}

/** Applies a codemod's result: re-lint, then dry run or transactional write. */
export function runCodemod(model: ConfigModel, result: CodemodResult, options: RunOptions = {}): RunResult {
  const base = { messages: [] as string[], nextSteps: [] as string[], changes: [] as FileChange[], newErrors: [] as LintProblem[] };
  if (isRefusal(result)) return { ...base, status: 'refused', exitCode: 1, reason: result.refused };
  const changes = changesOf(model, result);
  if (result.nothingToDo || !changes.length)
    return { ...base, status: 'nothing-to-do', exitCode: 0, messages: result.messages.length ? result.messages : ['nothing to do'] };
  const planned = { ...base, messages: result.messages, nextSteps: result.nextSteps, changes };

  if (options.linter) {
    const after = rebuildModel(model, changes, options.load);
    const introduced = newErrors(options.linter(model), options.linter(after));
    if (introduced.length)
      return {
        ...planned,
        status: 'lint-failed',
        exitCode: 1,
        reason: `the change would introduce ${introduced.length} new error${introduced.length > 1 ? 's' : ''}; nothing was written`,
        newErrors: introduced,
      };
  }
  if (!options.write) return { ...planned, status: 'planned', exitCode: 0 };

  try {
    writeFilesAtomically(
      changes.map((c) => ({ path: c.path, text: c.after, encoding: c.encoding, expected: { text: c.before, encoding: c.encoding } })),
      { backup: options.backup, fsImpl: options.fsImpl },
    );
  } catch (e) {
    if (e instanceof WriteError) return { ...planned, status: 'write-failed', exitCode: 1, reason: e.message };
    throw e;
  }
  return { ...planned, status: 'written', exitCode: 0 };
}
