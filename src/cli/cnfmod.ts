// cnfmod: safe, transactional codemods for an MTA configuration directory. Argument
// parsing and output only; the work is done by src/codemod/.
//
// Exit codes: 0 done, planned (dry run) or nothing to do; 1 refused, the change would
// introduce lint errors, or the write failed (nothing written); 2 usage error or a
// configuration that cannot be read.
//
// The codemods, the model and the linter are imported once the command line is read, so
// that --help and --version do not load the parser.
import * as path from 'node:path';
import yargs from 'yargs';
import type { CodemodResult, RunResult } from '../codemod/index.js';
import type { ConfigModel } from '../model/types.js';
import { USER_ERRORS, UsageError, finishParser, oneLine, parseCommandLine, processIO, type CliIO } from './io.js';

export type { CliIO } from './io.js';

type Codemods = typeof import('../codemod/index.js');

const COMMANDS = ['add-channel', 'remove-channel', 'rename-channel', 'add-pool', 'set-sync-time', 'add-rule'];

/** A codemod applied to a model, given the codemod module. */
type Apply = (codemods: Codemods, model: ConfigModel) => CodemodResult;

interface Selected {
  command: string;
  run?: Apply;
  /** A bad argument value, found while reading the arguments. */
  usage?: string;
}

type Select = (command: string, make: () => Apply) => void;

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

function parser(select: Select) {
  return yargs()
    .scriptName('cnfmod')
    .usage('$0 <command> [options]\n\nSafe codemods for an MTA configuration directory. Dry run by default: shows a diff; --write applies it.')
    .parserConfiguration({ 'parse-numbers': false, 'parse-positional-numbers': false })
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
          return (c, m) => c.addChannel(m, args);
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
      (a) => select('remove-channel', () => (c, m) => c.removeChannel(m, { name: String(a.name), prunePool: !!a['prune-pool'], force: !!a.force })),
    )
    .command(
      'rename-channel <old> <new>',
      'rename a channel everywhere the MTA reads its name',
      (y) =>
        y
          .positional('old', { type: 'string' })
          .positional('new', { type: 'string' })
          .option('force', { type: 'boolean', default: false, describe: 'rename even channels whose names have a built-in meaning' }),
      (a) => select('rename-channel', () => (c, m) => c.renameChannel(m, { from: String(a.old), to: String(a.new), force: !!a.force })),
    )
    .command(
      'add-pool <name>',
      'define a job controller pool',
      (y) => y.positional('name', { type: 'string' }).option('job-limit', { type: 'string', demandOption: true, describe: 'job_limit of the pool' }),
      (a) =>
        select('add-pool', () => {
          const jobLimit = intArg(a, 'job-limit', true)!;
          return (c, m) => c.addPool(m, { name: String(a.name), jobLimit });
        }),
    )
    .command(
      'set-sync-time <time>',
      'set the job controller sync_time (HH:MM, more than 30 minutes)',
      (y) => y.positional('time', { type: 'string' }),
      (a) => select('set-sync-time', () => (c, m) => c.setSyncTime(m, { time: String(a.time) })),
    )
    .command(
      'add-rule <pattern> <template>',
      'add a rewrite rule routing to a host some channel owns',
      (y) =>
        y
          .positional('pattern', { type: 'string' })
          .positional('template', { type: 'string' })
          .option('force', { type: 'boolean', default: false, describe: 'add it before an existing rule with the same pattern' }),
      (a) => select('add-rule', () => (c, m) => c.addRule(m, { pattern: String(a.pattern), template: String(a.template), force: !!a.force })),
    )
    .example('$0 add-channel --domain sesta.com', 'show the diff that isolates sesta.com on channel tcp_sesta')
    .example('$0 add-channel --domain sesta.com --write --backup', 'apply it, keeping .orig copies')
    .example('$0 remove-channel tcp_sesta --prune-pool --write', 'undo it')
    // Our own --version (yargs' would look for package.json from the working directory).
    .version(false)
    .option('version', { alias: 'v', type: 'boolean', describe: 'Print the version' });
}

/** Runs cnfmod; returns the exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2), io: CliIO = processIO()): Promise<number> {
  let selected: Selected | undefined;
  let parsed: Args;
  try {
    const select: Select = (command, make) => {
      try {
        selected = { command, run: make() };
      } catch (e) {
        selected = { command, usage: (e as Error).message };
      }
    };
    const r = await parseCommandLine<Args>(finishParser(parser(select)), argv, io);
    if (r.exit !== undefined) return r.exit;
    parsed = r.args;
    // (checked here, not by yargs' demandCommand, which would also refuse --version)
    if (!selected) throw new UsageError('name a command');
  } catch (e) {
    const command = argv.find((a) => COMMANDS.includes(a));
    io.stderr.write(`cnfmod: ${oneLine((e as Error).message)}\nRun 'cnfmod ${command ? `${command} ` : ''}--help' for usage.\n`);
    return 2;
  }
  const debug = !!parsed.debug;
  try {
    if (selected.usage) throw new UsageError(selected.usage);
    if (parsed.backup && !parsed.write) throw new UsageError('--backup only makes sense with --write');
    const dir = path.resolve(io.cwd, String(parsed.dir ?? '.'));
    const root = parsed.root === undefined ? undefined : path.resolve(io.cwd, String(parsed.root));
    const [codemods, { loadConfig }] = await Promise.all([import('../codemod/index.js'), import('../model/load.js')]);
    const model = loadConfig(dir, { root });
    const result = selected.run!(codemods, model);
    const run = codemods.runCodemod(model, result, { write: !!parsed.write, backup: !!parsed.backup, load: { root }, linter: codemods.engineLinter({ root }) });
    if (parsed.json) io.stdout.write(JSON.stringify(toJson(selected.command, dir, run, codemods), null, 2) + '\n');
    else report(selected.command, run, !!parsed.write, io, codemods);
    return run.exitCode;
  } catch (e) {
    const err = e as Error;
    if (err?.name === 'UsageError') {
      io.stderr.write(`cnfmod: ${err.message}\nRun 'cnfmod --help' for usage.\n`);
      return 2;
    }
    if (USER_ERRORS.has(err?.name)) {
      io.stderr.write(`cnfmod: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(
      debug
        ? `cnfmod: internal error: ${err?.stack ?? String(e)}\n`
        : `cnfmod: internal error: ${err?.message ?? String(e)} (this is a bug in cnfmod; run again with --debug for details and report it)\n`,
    );
    return 2;
  }
}

function report(command: string, run: RunResult, write: boolean, io: CliIO, { unifiedDiff }: Codemods): void {
  const bullets = (lines: string[]) => lines.map((l) => `  ${l}\n`).join('');
  switch (run.status) {
    case 'refused':
      io.stderr.write(`cnfmod ${command}: refused: ${run.reason}\n`);
      return;
    case 'nothing-to-do':
      io.stdout.write(`cnfmod ${command}: ${run.messages.join('\n')}\n`);
      return;
    case 'lint-failed':
      io.stderr.write(
        `cnfmod ${command}: ${run.reason}; the errors, at their places in the edited text:\n` +
          run.newErrors.map((p) => `  ${p.file}:${p.line}:${p.column}  error  ${p.message}  [${p.ruleId}]\n`).join('') +
          `The change was:\n${bullets(run.messages)}`,
      );
      return;
    case 'write-failed':
      io.stdout.write(`cnfmod ${command}:\n${bullets(run.messages)}`);
      io.stderr.write(`cnfmod ${command}: not written: ${run.reason}\n`);
      return;
    default: {
      io.stdout.write(`cnfmod ${command}:\n${bullets(run.messages)}\n${unifiedDiff(run.changes)}`);
      if (write) io.stdout.write(`\nWritten: ${run.changes.map((c) => c.relPath).join(', ')}\n`);
      else io.stdout.write(`\nDry run: nothing was written. Run the same command with --write to apply it.\n`);
      if (run.nextSteps.length) io.stdout.write(`Then, on the server:\n${bullets(run.nextSteps)}`);
    }
  }
}

function toJson(command: string, dir: string, run: RunResult, { hunksOf }: Codemods) {
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
