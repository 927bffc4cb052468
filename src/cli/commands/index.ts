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
  load(): Promise<SubcommandModule>;
}

export const SUBCOMMANDS: Subcommand[] = [
  {
    command: 'explain <id>',
    describe: 'Print the documentation of a rule (docs/rules/<id>.md)',
    builder: (y) => y.positional('id', { type: 'string', describe: 'rule id, e.g. unknown-keyword' }),
    load: () => import('./explain.js'),
  },
];
