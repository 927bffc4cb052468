// The cnflint command line: argument parsing and dispatch only. Linting, fixing and
// reporting live in the library (src/lint/); each command is imported when it runs, so
// that --help and --version do not load the parser.
//
// Exit codes, as ESLint's: 0 no errors (and no more warnings than --max-warnings),
// 1 problems found, 2 usage error, unreadable input or internal error.
import yargs, { type Argv } from 'yargs';
import { FILE_KINDS } from '../../grammar/syntax.js';
import { FORMAT_NAMES } from '../lint/reporters/index.js';
import { SUBCOMMANDS, type Subcommand } from './commands/index.js';
import type { Rule } from '../lint/types.js';
import { USER_ERRORS, UsageError, finishParser, oneLine, parseCommandLine, processIO, type CliIO } from './io.js';

export type { CliIO } from './io.js';

/**
 * The options of linting: the default command's and `staged`'s. Not global, so that the
 * help of `explain`, `install-hook` and `lsp` shows only what they take, and strict
 * parsing rejects `cnflint explain x --fix` instead of ignoring it.
 */
export function withLintOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('format', { alias: 'f', type: 'string', default: 'stylish', choices: FORMAT_NAMES, describe: 'Report format' })
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file' })
    .option('fix', { type: 'boolean', describe: 'Apply safe fixes to the files (atomic writes)' })
    .option('fix-dry-run', { type: 'boolean', describe: 'Print the fixes as a unified diff; write nothing (the report goes to stderr)' })
    .option('max-warnings', { type: 'number', default: -1, describe: 'Exit with 1 when there are more warnings than this' })
    .option('quiet', { type: 'boolean', describe: 'Report errors only' })
    .option('rule', { type: 'string', array: true, describe: 'Set a rule severity: <id>:<off|info|warn|error> (repeatable)' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this cnflint.config.json (--no-config: none)' })
    .option('root', { type: 'string', describe: "Server root for absolute include paths (a copy of the server's file system)" })
    .option('kind', { type: 'string', choices: FILE_KINDS as string[], describe: 'File kind of single files (default: from the name)' })
    .option('fragment', { type: 'string', choices: ['rules', 'channels'], describe: 'An imta.cnf-family file is a fragment starting in this section' })
    .option('stdin', { type: 'boolean', describe: 'Lint text from standard input' })
    .option('stdin-filename', { type: 'string', describe: 'Name of the --stdin text (its kind, includes and config lookup)' })
    .option('color', { type: 'boolean', describe: 'Colour the report (--no-color: never; NO_COLOR is honoured)' }) as Argv<T>;
}

function buildParser(onCommand: (c: Subcommand | 'lint') => void) {
  let y = yargs()
    .scriptName('cnflint')
    // Our own --version (yargs' would look for package.json from the working directory).
    .version(false)
    .usage('$0 [paths..]\n\nLint Messaging Server MTA configuration: a configuration directory (imta.cnf with job_controller.cnf, dispatcher.cnf, option.dat, mappings, aliases beside it), or single files.')
    .command(
      '$0 [paths..]',
      'Lint configuration directories or files (default: the current directory)',
      (c) =>
        withLintOptions(c.positional('paths', { type: 'string', array: true, describe: 'configuration directories or files' })).option('list-rules', {
          type: 'boolean',
          describe: 'List the rules and exit',
        }),
      () => onCommand('lint'),
    );
  for (const sub of SUBCOMMANDS) {
    const builder = sub.builder ?? ((c: Argv) => c);
    y = y.command(sub.command, sub.describe, sub.lintOptions ? (c: Argv) => withLintOptions(builder(c)) : builder, () => onCommand(sub));
  }
  return y
    .option('debug', { type: 'boolean', describe: 'Print stack traces of internal errors' })
    .option('version', { alias: 'v', type: 'boolean', describe: 'Print the version' });
}

/** What tests may replace: the rule set linted with (default: the catalogue). */
export interface CliDeps {
  rules?: readonly Rule[];
}

/** Runs cnflint with `argv` (without node and the script); returns the exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2), io: CliIO = processIO(), deps: CliDeps = {}): Promise<number> {
  let args: Record<string, unknown> = {};
  const debug = argv.includes('--debug');
  try {
    let selected: Subcommand | 'lint' | undefined;
    const parser = finishParser(buildParser((c) => (selected = c)));
    const parsed = await parseCommandLine<Record<string, unknown>>(parser, argv, io);
    if (parsed.exit !== undefined) return parsed.exit;
    args = parsed.args;
    if (args.listRules) {
      const { listRules } = await import('./commands/list-rules.js');
      return await listRules(io);
    }
    if (selected && selected !== 'lint') return await (await selected.load()).run(args, io);
    const { runLint } = await import('./commands/lint.js');
    return await runLint(args as never, io, deps.rules);
  } catch (e) {
    const err = e as Error & { where?: string; original?: unknown };
    const inner = (err?.name === 'PathError' ? err.original : err) as Error;
    if (inner && USER_ERRORS.has(inner.name)) {
      io.stderr.write(`cnflint: ${oneLine(inner.message)}\n`);
      if (debug && inner.stack) io.stderr.write(`${inner.stack}\n`);
      return 2;
    }
    const where = err?.name === 'PathError' && err.where ? ` while linting ${err.where}` : '';
    const what = inner instanceof Error ? inner.message : String(inner);
    const already = inner?.name === 'LintInternalError';
    io.stderr.write(`cnflint: internal error${already ? '' : where}: ${oneLine(what)}${debug ? '' : ' (--debug shows the stack trace)'}\n`);
    if (debug) io.stderr.write(`${(inner instanceof Error && inner.stack) || String(inner)}\n`);
    return 2;
  }
}
