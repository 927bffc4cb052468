// cnfmod: safe, transactional codemods for an MTA configuration directory. Argument
// parsing and output only; the work is done by src/codemod/.
//
// Exit codes: 0 done, planned (dry run) or nothing to do; 1 refused, the change would
// introduce lint errors, or the write failed (nothing written); 2 usage error or a
// configuration that cannot be read.
import * as path from 'node:path';
import yargs from 'yargs';
import {
  addChannel,
  addPool,
  addRule,
  engineLinter,
  hunksOf,
  removeChannel,
  renameChannel,
  runCodemod,
  setSyncTime,
  unifiedDiff,
  type CodemodResult,
  type RunResult,
} from '../codemod/index.js';
import { LintConfigError } from '../lint/config.js';
import { ConfigError, loadConfig } from '../model/load.js';
import type { ConfigModel } from '../model/types.js';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Base for a relative --dir (default: process.cwd()). */
  cwd?: string;
}

const defaultIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

class UsageError extends Error {}

const COMMANDS = ['add-channel', 'remove-channel', 'rename-channel', 'add-pool', 'set-sync-time', 'add-rule'];

interface Selected {
  command: string;
  run?: (model: ConfigModel) => CodemodResult;
  /** A bad argument value, found while reading the arguments. */
  usage?: string;
}

type Select = (command: string, make: () => (model: ConfigModel) => CodemodResult) => void;

type Args = Record<string, unknown>;

function intArg(a: Args, name: string, required: boolean): number | undefined {
  const v = a[name];
  if (v === undefined || v === null || v === '') {
    if (required) throw new UsageError(`--${name} is required`);
    return undefined;
  }
  const s = String(v);
  if (!/^\d+$/.test(s)) throw new UsageError(`--${name} must be a whole number, not '${s}'`);
  return Number(s);
}

const str = (a: Args, name: string) => (a[name] === undefined ? undefined : String(a[name]));

function parser(argv: string[], select: Select) {
  return yargs(argv)
    .scriptName('cnfmod')
    .usage('$0 <command> [options]\n\nSafe codemods for an MTA configuration directory. Dry run by default: shows a diff; --write applies it.')
    .parserConfiguration({ 'parse-numbers': false, 'parse-positional-numbers': false })
    .exitProcess(false)
    .strict()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .option('dir', { type: 'string', default: '.', describe: 'configuration directory (the one holding imta.cnf)' })
    .option('root', { type: 'string', describe: 'server root for absolute include paths' })
    .option('write', { type: 'boolean', default: false, describe: 'apply the change (default: dry run, print the diff)' })
    .option('backup', { type: 'boolean', default: false, describe: 'with --write: keep <file>.orig copies of the files replaced' })
    .option('json', { type: 'boolean', default: false, describe: 'print the plan (files, hunks, next steps) as JSON' })
    .option('debug', { type: 'boolean', default: false, describe: 'show stack traces of internal errors' })
    .command(
      'add-channel',
      'isolate a domain on a channel, pool and rewrite rules of its own',
      (y) =>
        y
          .option('domain', { type: 'string', demandOption: true, describe: 'the domain, e.g. sesta.com' })
          .option('name', { type: 'string', describe: 'channel name (default tcp_<first label>)' })
          .option('like', { type: 'string', default: 'tcp_local', describe: 'channel whose keywords and layout to copy' })
          .option('pool', { type: 'string', describe: 'pool name, at most 12 characters (default SMTP_<FIRST LABEL>)' })
          .option('job-limit', { type: 'string', describe: 'job_limit of the new pool (default 10)' })
          .option('force', { type: 'boolean', default: false, describe: 'route the domain here even where a rule routes it elsewhere' }),
      (a) =>
        select('add-channel', () => {
          const args = {
            domain: String(a.domain),
            name: str(a, 'name'),
            like: str(a, 'like'),
            pool: str(a, 'pool'),
            jobLimit: intArg(a, 'job-limit', false),
            force: !!a.force,
          };
          return (m) => addChannel(m, args);
        }),
    )
    .command(
      'remove-channel <name>',
      'remove a channel, the rewrite rules routing to it and its job controller section',
      (y) =>
        y
          .positional('name', { type: 'string', describe: 'channel name' })
          .option('prune-pool', { type: 'boolean', default: false, describe: 'also remove its pool if nothing else uses it' })
          .option('force', { type: 'boolean', default: false, describe: 'remove it even if other channels or services name it' }),
      (a) => select('remove-channel', () => (m) => removeChannel(m, { name: String(a.name), prunePool: !!a['prune-pool'], force: !!a.force })),
    )
    .command(
      'rename-channel <old> <new>',
      'rename a channel everywhere the MTA reads its name',
      (y) =>
        y
          .positional('old', { type: 'string' })
          .positional('new', { type: 'string' })
          .option('force', { type: 'boolean', default: false, describe: 'rename even channels whose names have a built-in meaning' }),
      (a) => select('rename-channel', () => (m) => renameChannel(m, { from: String(a.old), to: String(a.new), force: !!a.force })),
    )
    .command(
      'add-pool <name>',
      'define a job controller pool',
      (y) => y.positional('name', { type: 'string' }).option('job-limit', { type: 'string', demandOption: true, describe: 'job_limit of the pool' }),
      (a) =>
        select('add-pool', () => {
          const jobLimit = intArg(a, 'job-limit', true)!;
          return (m) => addPool(m, { name: String(a.name), jobLimit });
        }),
    )
    .command(
      'set-sync-time <time>',
      'set the job controller sync_time (HH:MM, more than 30 minutes)',
      (y) => y.positional('time', { type: 'string' }),
      (a) => select('set-sync-time', () => (m) => setSyncTime(m, { time: String(a.time) })),
    )
    .command(
      'add-rule <pattern> <template>',
      'add a rewrite rule routing to a host some channel owns',
      (y) =>
        y
          .positional('pattern', { type: 'string' })
          .positional('template', { type: 'string' })
          .option('force', { type: 'boolean', default: false, describe: 'add it before an existing rule with the same pattern' }),
      (a) => select('add-rule', () => (m) => addRule(m, { pattern: String(a.pattern), template: String(a.template), force: !!a.force })),
    )
    .demandCommand(1, 'name a command')
    .example('$0 add-channel --domain sesta.com', 'show the diff that isolates sesta.com on channel tcp_sesta')
    .example('$0 add-channel --domain sesta.com --write --backup', 'apply it, keeping .orig copies')
    .example('$0 remove-channel tcp_sesta --prune-pool --write', 'undo it')
    .help()
    .version(false);
}

/** Runs cnfmod; returns the exit code. */
export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  let selected: Selected | undefined;
  let parsed: Args;
  try {
    const r = await new Promise<{ err?: Error; args: Args; output: string }>((resolve) => {
      try {
        const select: Select = (command, make) => {
          try {
            selected = { command, run: make() };
          } catch (e) {
            selected = { command, usage: (e as Error).message };
          }
        };
        parser(argv, select).parse(argv, {}, (err: Error | undefined, args: Args, output: string) => resolve({ err, args, output }));
      } catch (e) {
        resolve({ err: e as Error, args: {}, output: '' });
      }
    });
    if (r.err) {
      const command = argv.find((a) => COMMANDS.includes(a));
      io.stderr(`cnfmod: ${r.err.message}\nRun 'cnfmod ${command ? `${command} ` : ''}--help' for usage.\n`);
      return 2;
    }
    if (r.output) {
      io.stdout(r.output.replace(/\n*$/, '\n'));
      return 0;
    }
    parsed = r.args;
  } catch (e) {
    io.stderr(`cnfmod: ${(e as Error).message}\n`);
    return 2;
  }
  if (!selected) return 2;
  const debug = !!parsed.debug;
  const json = !!parsed.json;
  try {
    if (selected.usage) throw new UsageError(selected.usage);
    if (parsed.backup && !parsed.write) throw new UsageError('--backup only makes sense with --write');
    const cwd = io.cwd ?? process.cwd();
    const dir = path.resolve(cwd, String(parsed.dir ?? '.'));
    const root = parsed.root === undefined ? undefined : path.resolve(cwd, String(parsed.root));
    const model = loadConfig(dir, { root });
    const result = selected.run!(model);
    const run = runCodemod(model, result, { write: !!parsed.write, backup: !!parsed.backup, load: { root }, linter: engineLinter({ root }) });
    if (json) io.stdout(JSON.stringify(toJson(selected.command, dir, run), null, 2) + '\n');
    else report(selected.command, run, !!parsed.write, io);
    return run.exitCode;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`cnfmod: ${e.message}\nRun 'cnfmod --help' for usage.\n`);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof LintConfigError) {
      io.stderr(`cnfmod: ${e.message}\n`);
      return 2;
    }
    io.stderr(
      debug
        ? `cnfmod: internal error: ${(e as Error)?.stack ?? String(e)}\n`
        : `cnfmod: internal error: ${(e as Error)?.message ?? String(e)} (this is a bug in cnfmod; run again with --debug for details and report it)\n`,
    );
    return 2;
  }
}

function report(command: string, run: RunResult, write: boolean, io: CliIO): void {
  const bullets = (lines: string[]) => lines.map((l) => `  ${l}\n`).join('');
  switch (run.status) {
    case 'refused':
      io.stderr(`cnfmod ${command}: refused: ${run.reason}\n`);
      return;
    case 'nothing-to-do':
      io.stdout(`cnfmod ${command}: ${run.messages.join('\n')}\n`);
      return;
    case 'lint-failed':
      io.stderr(
        `cnfmod ${command}: ${run.reason}; the errors, at their places in the edited text:\n` +
          run.newErrors.map((p) => `  ${p.file}:${p.line}:${p.column}  error  ${p.message}  [${p.ruleId}]\n`).join('') +
          `The change was:\n${bullets(run.messages)}`,
      );
      return;
    case 'write-failed':
      io.stdout(`cnfmod ${command}:\n${bullets(run.messages)}`);
      io.stderr(`cnfmod ${command}: not written: ${run.reason}\n`);
      return;
    default: {
      io.stdout(`cnfmod ${command}:\n${bullets(run.messages)}\n${unifiedDiff(run.changes)}`);
      if (write) io.stdout(`\nWritten: ${run.changes.map((c) => c.relPath).join(', ')}\n`);
      else io.stdout(`\nDry run: nothing was written. Run the same command with --write to apply it.\n`);
      if (run.nextSteps.length) io.stdout(`Then, on the server:\n${bullets(run.nextSteps)}`);
    }
  }
}

function toJson(command: string, dir: string, run: RunResult) {
  return {
    command,
    dir,
    status: run.status,
    exitCode: run.exitCode,
    ...(run.reason ? { reason: run.reason } : {}),
    messages: run.messages,
    files: run.changes.map((c) => ({ path: c.relPath, hunks: hunksOf(c) })),
    nextSteps: run.nextSteps,
    newErrors: run.newErrors,
  };
}
