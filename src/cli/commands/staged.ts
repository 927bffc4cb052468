// `cnflint staged [files..]`: lint what is about to be committed (the index), one whole
// configuration directory at a time. The pre-commit hook written by `cnflint install-hook`
// is this command; husky and the pre-commit framework call it too. The library side is
// src/hook/staged.ts.
//
// Exit codes as for linting: 0 the commit may go on, 1 errors (or too many warnings, or
// --fix changed files that now need staging), 2 not a git repository or bad input.
import { errorsOnly, ruleMetas } from '../../lint/engine.js';
import { REPORTERS } from '../../lint/reporters/index.js';
import { displayPath } from '../../lint/reporters/paths.js';
import { GitError } from '../../hook/git.js';
import { lintStaged } from '../../hook/staged.js';
import { UsageError, useColor, type CliIO } from '../io.js';
import { commonLintArgs } from './lint.js';

export async function run(args: Record<string, unknown>, io: CliIO): Promise<number> {
  const { format, maxWarnings, ruleSettings } = commonLintArgs(args);
  if (args.fixDryRun) throw new UsageError('staged does not support --fix-dry-run; run `cnflint --fix-dry-run <directory>` on the working tree');
  if (args.stdin) throw new UsageError('staged reads the git index; --stdin does not apply');
  if (args.outputFile) throw new UsageError('staged prints its report; --output-file does not apply');

  const files = (args.files as string[] | undefined)?.filter((f) => f !== '');

  let report;
  try {
    report = lintStaged({
      cwd: io.cwd,
      files: files?.length ? files : undefined,
      fix: !!args.fix,
      lint: {
        configFile: args.config === false ? false : (args.config as string | undefined),
        ruleSettings,
        root: args.root as string | undefined,
        fixFilter: args.quiet ? (m) => m.severity === 'error' : undefined,
      },
    });
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw e;
  }

  const shown = args.quiet ? errorsOnly(report.results) : report.results;
  const text = REPORTERS[format](shown, { cwd: io.cwd, color: useColor(io.stdout, args.color as boolean | undefined, io.env), rules: ruleMetas() });
  io.stdout.write(text);
  for (const note of report.notes) io.stderr.write(`cnflint: ${note}\n`);
  const errors = shown.reduce((n, r) => n + r.errorCount, 0);
  const warnings = shown.reduce((n, r) => n + r.warningCount, 0);

  if (report.fixed.length) {
    const list = report.fixed.map((p) => displayPath(p, io.cwd)).join(', ');
    io.stderr.write(`cnflint: fixed in the working tree: ${list}; review the changes and \`git add\` them, then commit again\n`);
    return 1;
  }
  if (errors > 0) {
    const where = report.targets.map((t) => (t.kind === 'directory' ? `${t.relPath}/` : t.relPath)).join(', ');
    io.stderr.write(
      `cnflint: commit refused: the staged configuration (${where}) has ${errors === 1 ? 'an error' : `${errors} errors`}. ` +
        `Fix ${errors === 1 ? 'it' : 'them'} and stage the fix (git add), or skip this check once with \`git commit --no-verify\`.\n`,
    );
    return 1;
  }
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`cnflint: commit refused: too many warnings (maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}
