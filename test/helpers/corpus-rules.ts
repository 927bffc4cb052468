// A subset of the rules over a corpus file, linted alone exactly as `cnflint <file>` lints
// it: the engine's own model and scope (singleFileModel) and its rule runner (lintModel).
// The batch tests use it to check their rules' reports in detail; test/lint/corpus.test.ts
// checks the whole catalogue through the CLI's entry point.
import * as path from "node:path";
import {
  lintModel,
  resolveLintConfig,
  singleFileModel,
} from "../../src/lint/engine.js";
import type { LintScope, Rule } from "../../src/lint/types.js";
import type { ConfigModel } from "../../src/model/types.js";
import type { CorpusEntry } from "./corpus.js";

export interface Hit {
  id: string;
  /** The file's name relative to its directory. */
  file: string;
  line: number;
  /** The reported text. */
  text: string;
  message: string;
}

/** Runs `rules` over a model with the given scope (defaults, no configuration file), in the engine's order (by position). */
export function runRules(
  rules: readonly Rule[],
  model: ConfigModel,
  scope: LintScope,
): Hit[] {
  const config = resolveLintConfig(model.dir ?? process.cwd(), {
    configFile: false,
  });
  // (the engine adds the parser's and model's own diagnostics, id 'syntax': not these rules')
  const ids = new Set(rules.map((r) => r.meta.id));
  return lintModel(model, scope, config, rules)
    .messages.filter((m) => ids.has(m.ruleId))
    .map((m) => ({
      id: m.ruleId,
      file: m.file.relPath,
      line: m.file.lines.position(m.start).line,
      text: m.file.text.slice(m.start, m.end),
      message: m.message,
    }));
}

/** Runs `rules` over one corpus file linted alone, fragment as the index gives it. */
export function lintCorpusWith(
  rules: readonly Rule[],
  entry: CorpusEntry,
): Hit[] {
  const fragment =
    entry.fragment === "rules" || entry.fragment === "channels"
      ? entry.fragment
      : undefined;
  const config = resolveLintConfig(path.dirname(entry.path), {
    configFile: false,
  });
  const { model, scope } = singleFileModel(
    entry.text,
    entry.path,
    entry.kind,
    config,
    fragment,
  );
  return runRules(rules, model, scope);
}
