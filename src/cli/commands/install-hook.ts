// `cnflint install-hook [--repo DIR] [--chain | --force] [--command CMD] [--uninstall]`:
// writes (or removes) the git pre-commit hook that runs `cnflint staged`. The logic is in
// src/hook/install.ts.
//
// Exit codes: 0 done (or nothing to do), 2 refused (a pre-commit hook cnflint did not
// write is in the way, husky manages the hooks) or not a git repository.
import * as path from 'node:path';
import { GitError } from '../../hook/git.js';
import { HookInstallError, installHook, uninstallHook } from '../../hook/install.js';
import { UsageError, type CliIO } from '../io.js';

export async function run(args: Record<string, unknown>, io: CliIO): Promise<number> {
  const repo = path.resolve(io.cwd, String(args.repo ?? '.'));
  if (args.chain && args.force) throw new UsageError('--chain and --force exclude each other');
  const out = (s: string) => io.stdout.write(`${s}\n`);
  try {
    if (args.uninstall) {
      const r = uninstallHook({ repo });
      if (r.action === 'absent') out(`no pre-commit hook in ${path.dirname(r.hook)}; nothing to remove`);
      else out(`removed ${r.hook}${r.moved ? ` (${path.basename(r.moved)} is the pre-commit hook again)` : ''}`);
      return 0;
    }
    const r = installHook({ repo, chain: !!args.chain, force: !!args.force, command: args.command as string | undefined });
    switch (r.action) {
      case 'installed':
        out(`installed ${r.hook}`);
        break;
      case 'unchanged':
        out(`${r.hook} is already installed and up to date`);
        break;
      case 'updated':
        out(`updated ${r.hook}`);
        break;
      case 'chained':
        out(`installed ${r.hook}; the hook that was there is now ${path.basename(r.moved!)} and runs first`);
        break;
      case 'replaced':
        out(`installed ${r.hook}; the hook that was there is kept as ${r.moved}`);
        break;
    }
    out(`it runs: ${r.command} staged`);
    return 0;
  } catch (e) {
    if (e instanceof HookInstallError || e instanceof GitError) {
      io.stderr.write(`cnflint install-hook: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
