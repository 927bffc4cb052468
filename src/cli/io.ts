// The CLIs' connection to the outside world, injectable so that tests run a CLI in
// process with captured output (and no process.exit anywhere).
import { packageInfo } from '../lint/package-info.js';

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  /** Reads all of standard input (for --stdin). */
  readStdin(): Promise<string>;
  cwd: string;
  env: Record<string, string | undefined>;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
    cwd: process.cwd(),
    env: process.env,
  };
}

/** A wrong command line: reported in one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Errors whose message is meant for the user as is (bad input or usage), by class name. */
export const USER_ERRORS = new Set(['UsageError', 'ConfigError', 'LintConfigError', 'LintInputError', 'WriteError']);

/**
 * Whether a report written to `stream` gets ANSI colours: never with NO_COLOR (any
 * non-empty value) or --no-color; with --color or FORCE_COLOR; otherwise on a TTY.
 */
export function useColor(stream: OutStream | undefined, flag: boolean | undefined, env: CliIO['env']): boolean {
  if (env.NO_COLOR || flag === false) return false;
  if (flag === true) return true;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return !!stream?.isTTY;
}

/**
 * The settings every cnflint CLI gives yargs: --help/-h, strict options, no process.exit
 * (main returns the exit code), a 100-column help, and usage errors thrown as UsageError.
 */
export function finishParser<T extends { help(o: string): T; alias(a: string, b: string): T; strict(): T; exitProcess(b: boolean): T; wrap(n: number): T; fail(f: (msg: string, err: Error | undefined) => never): T }>(y: T): T {
  return y
    .help('help')
    .alias('help', 'h')
    .strict()
    .exitProcess(false)
    .wrap(100)
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    });
}

/** A message on one line (error messages from the system may contain line breaks). */
export function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Parses a command line with a finished yargs parser (see finishParser) and answers
 * --help and --version itself: then `exit` is the exit code and the caller returns it.
 */
export async function parseCommandLine<A extends { help?: unknown; version?: unknown }>(
  parser: { parse(argv: string[], ctx: object, cb: (err: Error | undefined, argv: A, output: string) => void): unknown },
  argv: readonly string[],
  io: CliIO,
): Promise<{ args: A; exit?: undefined } | { exit: number }> {
  const { args, output } = await new Promise<{ args: A; output: string }>((resolve, reject) => {
    parser.parse([...argv], {}, (err, a, out) => (err ? reject(err) : resolve({ args: a, output: out })));
  });
  if (args.help) {
    io.stdout.write(`${output}\n`);
    return { exit: 0 };
  }
  if (args.version) {
    io.stdout.write(`${packageInfo().version}\n`);
    return { exit: 0 };
  }
  return { args };
}
