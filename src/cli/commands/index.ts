// Subcommands of cnflint beside linting (`cnflint explain <rule>` ...). Each lives in its
// own module, imported only when it runs, so that plain `cnflint` starts fast. To add
// one (install-hook, lsp), add an entry here and a module exporting `run`.
import type { Argv } from 'yargs';
import type { CliIO } from '../io.js';

export interface SubcommandModule {
  /** Runs the command; returns the exit code. */
  run(args: Record<string, unknown>, io: CliIO): Promise<number>;
}

export interface Subcommand {
  /** yargs command syntax, e.g. 'explain <id>'. */
  command: string;
  describe: string;
  builder?: (y: Argv) => Argv;
  /** Takes the lint options (--format, --max-warnings, --rule ...) as plain `cnflint` does. */
  lintOptions?: boolean;
  load(): Promise<SubcommandModule>;
}

export const SUBCOMMANDS: Subcommand[] = [
  {
    command: 'explain <id>',
    describe: 'Print the documentation of a rule (docs/rules/<id>.md)',
    builder: (y) => y.positional('id', { type: 'string', describe: 'rule id, e.g. unknown-keyword' }),
    load: () => import('./explain.js'),
  },
  {
    command: 'install-hook',
    describe: 'Install a git pre-commit hook that lints the staged configuration (cnflint staged)',
    builder: (y) =>
      y
        .option('repo', { type: 'string', describe: 'A directory inside the git repository (default: the current directory)' })
        .option('chain', { type: 'boolean', describe: 'Keep an existing pre-commit hook: move it to pre-commit.local, run it first' })
        .option('force', { type: 'boolean', describe: 'Replace an existing pre-commit hook (kept as pre-commit.backup)' })
        .option('command', { type: 'string', describe: 'Shell command the hook runs cnflint with (default: this node and cnflint, by absolute path)' })
        .option('uninstall', { type: 'boolean', describe: 'Remove the hook (pre-commit.local becomes the hook again)' }),
    load: () => import('./install-hook.js'),
  },
  {
    command: 'staged [files..]',
    describe: 'Lint the staged (git index) versions of the configuration directories that have staged changes',
    builder: (y) => y.positional('files', { type: 'string', array: true, describe: 'files to consider instead of the staged ones (the pre-commit framework passes them)' }),
    lintOptions: true,
    load: () => import('./staged.js'),
  },
  {
    command: 'lsp',
    describe: 'Run the language server (stdio by default)',
    builder: (y) =>
      y
        .option('stdio', { type: 'boolean', describe: 'Talk LSP over standard input and output (the default)' })
        .option('node-ipc', { type: 'boolean', describe: 'Talk LSP over a Node.js IPC channel' })
        .option('socket', { type: 'number', describe: 'Talk LSP over a socket on this port' })
        .option('clientProcessId', { type: 'number', hidden: true }),
    load: () => import('./lsp.js'),
  },
];
