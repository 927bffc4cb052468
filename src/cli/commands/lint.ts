// `cnflint [paths...]`: lint, optionally fix, report, and choose the exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileKind } from '../../../grammar/syntax.js';
import { knownRuleIds, lintDirectory, lintFiles, lintText, outputFixes, errorsOnly, ruleMetas, type LintOptions, type LintResult } from '../../lint/engine.js';
import { parseCliRule, type RuleSettingInput } from '../../lint/config.js';
import { REPORTERS } from '../../lint/reporters/index.js';
import type { Rule } from '../../lint/types.js';
import { UsageError, useColor, type CliIO } from '../io.js';
import { formatTimings, timingRows } from '../../lint/timing.js';

export interface LintArgs {
  paths?: string[];
  format: string;
  outputFile?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  maxWarnings: number;
  quiet?: boolean;
  rule?: string[];
  config?: string | false;
  root?: string;
  kind?: FileKind;
  fragment?: 'rules' | 'channels';
  stdin?: boolean;
  stdinFilename?: string;
  color?: boolean;
}

/** A failure while linting one path, with the path, for the one-line internal error. */
export class PathError extends Error {
  constructor(
    readonly where: string,
    readonly original: unknown,
  ) {
    super(original instanceof Error ? original.message : String(original));
    this.name = 'PathError';
  }
}

/** A unified diff of every changed file, paths `a/…` and `b/…` relative to the configuration directory. */
export async function fixDiff(results: readonly LintResult[]): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  let out = '';
  for (const r of results) {
    if (r.output === undefined || r.output === r.source) continue;
    const patch = createTwoFilesPatch(`a/${r.relPath}`, `b/${r.relPath}`, r.source, r.output, undefined, undefined, { context: 3 });
    // diff puts a line of '=' first; `git apply` and `patch` want the header as usual.
    out += patch.replace(/^=+\n/, '');
  }
  return out;
}

/** The checks and settings that linting the working tree and linting the index share. */
export function commonLintArgs(args: { format?: unknown; maxWarnings?: unknown; rule?: unknown }, rules?: readonly Rule[]) {
  const format = String(args.format ?? 'stylish');
  // (yargs checks --format already; this is for callers of the API)
  if (!REPORTERS[format]) throw new UsageError(`unknown format '${format}'; use one of ${Object.keys(REPORTERS).join(', ')}`);
  const maxWarnings = args.maxWarnings === undefined ? -1 : Number(args.maxWarnings);
  if (!Number.isInteger(maxWarnings)) throw new UsageError('--max-warnings takes a whole number');
  const ids = knownRuleIds(rules);
  const ruleSettings: Record<string, RuleSettingInput> = {};
  for (const spec of (args.rule as string[] | undefined) ?? []) {
    const [id, setting] = parseCliRule(spec, ids);
    ruleSettings[id] = setting.severity;
  }
  return { format, maxWarnings, ruleSettings };
}

export async function runLint(args: LintArgs, io: CliIO, rules?: readonly Rule[]): Promise<number> {
  const { maxWarnings, ruleSettings } = commonLintArgs(args, rules);
  if (args.stdin && args.fix) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run to see the changes as a diff');
  if (args.fix && args.fixDryRun) throw new UsageError('--fix and --fix-dry-run exclude each other');
  if (args.stdinFilename && !args.stdin) throw new UsageError('--stdin-filename needs --stdin');

  const fixing = !!(args.fix || args.fixDryRun);
  const options: LintOptions = {
    rules,
    configFile: args.config === false ? false : args.config,
    ruleSettings,
    root: args.root,
    kind: args.kind,
    fragment: args.fragment,
    fix: fixing,
    // --quiet: warnings are not shown, so their fixes are not applied either.
    fixFilter: args.quiet ? (m) => m.severity === 'error' : undefined,
    cwd: io.cwd,
  };
  const timingRowCount = timingRows(io.env.TIMING);
  if (timingRowCount !== undefined) options.timings = new Map();

  let results: LintResult[] = [];
  if (args.stdin) {
    const text = await io.readStdin();
    try {
      results = lintText(text, { ...options, filename: args.stdinFilename });
    } catch (e) {
      throw new PathError(args.stdinFilename ?? '<stdin>', e);
    }
  } else {
    const paths = args.paths?.length ? args.paths : ['.'];
    const seen = new Set<string>();
    for (const p of paths) {
      const abs = path.resolve(io.cwd, p);
      let st: fs.Stats;
      try {
        st = fs.statSync(abs);
      } catch {
        throw new UsageError(`'${p}' does not exist; pass an MTA configuration directory or configuration files`);
      }
      let got: LintResult[];
      try {
        got = st.isDirectory() ? lintDirectory(abs, options) : lintFiles([abs], options);
      } catch (e) {
        throw new PathError(p, e);
      }
      for (const r of got) if (!seen.has(r.filePath)) (seen.add(r.filePath), results.push(r));
    }
  }

  if (args.fix) outputFixes(results);
  if (args.fixDryRun) io.stdout.write(await fixDiff(results));

  const shown = args.quiet ? errorsOnly(results) : results;
  // With --fix-dry-run stdout carries the diff (to pipe into `git apply`), so the report goes to stderr.
  const stream = args.outputFile ? undefined : args.fixDryRun ? io.stderr : io.stdout;
  const report = REPORTERS[args.format](shown, { cwd: io.cwd, color: useColor(stream, args.color, io.env), rules: ruleMetas(rules) });
  if (args.outputFile) {
    const out = path.resolve(io.cwd, args.outputFile);
    try {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, report);
    } catch (e) {
      throw new UsageError(`cannot write the report to '${args.outputFile}': ${(e as Error).message}`);
    }
  } else stream!.write(report);

  // (on stderr: stdout may carry a JSON or SARIF report, or a diff)
  if (options.timings) io.stderr.write(formatTimings(options.timings, timingRowCount!));

  const errors = shown.reduce((n, r) => n + r.errorCount, 0);
  const warnings = shown.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`cnflint found too many warnings (maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}
