// What every reporter gets: the results and how to present them.
import type { LintResult } from '../engine.js';
import type { RuleMeta } from '../types.js';

export interface ReporterContext {
  /** Paths are shown relative to this directory where they are inside it. */
  cwd: string;
  /** ANSI colours (stylish only): decided by the CLI (a TTY, no NO_COLOR, no --no-color). */
  color: boolean;
  /** Metadata of every rule that may appear in the results, built-in ones included. */
  rules: ReadonlyMap<string, RuleMeta>;
}

export type Reporter = (results: readonly LintResult[], context: ReporterContext) => string;
