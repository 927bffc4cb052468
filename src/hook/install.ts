// `cnflint install-hook`: a plain git pre-commit hook that runs `cnflint staged`.
//
// The hook is a short sh script carrying a marker line, so that a second install knows
// it as ours (and rewrites it in place) and `--uninstall` knows what it may remove. A
// hook that someone else wrote is never overwritten silently: with --chain it is moved
// to `pre-commit.local`, which our hook runs first (git's own calling convention, so it
// behaves exactly as before); with --force it is replaced and kept as a backup copy;
// without either the install is refused.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFilesAtomically } from '../edit/write.js';
import { repoInfo } from './git.js';

/** The line that identifies a hook written by cnflint. */
export const HOOK_MARKER = '# cnflint-pre-commit-hook';

/** The install cannot or must not be done (exit code 2). */
export class HookInstallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HookInstallError';
  }
}

export interface InstallOptions {
  /** A directory inside the repository (default: process.cwd()). */
  repo?: string;
  /** Keep a foreign pre-commit hook: move it to pre-commit.local and run it first. */
  chain?: boolean;
  /** Replace a foreign pre-commit hook (a copy is kept as pre-commit.backup). */
  force?: boolean;
  /**
   * The shell command that runs cnflint (default: the one an installed hook of ours
   * already runs, else this Node.js and this cnflint, by absolute paths). `staged` is
   * appended. For hooks shared through core.hooksPath,
   * something machine-independent such as `npx --no-install cnflint`.
   */
  command?: string;
}

export interface InstallResult {
  action: 'installed' | 'updated' | 'unchanged' | 'chained' | 'replaced' | 'uninstalled' | 'absent';
  /** The hook file. */
  hook: string;
  /** Where a foreign hook went (pre-commit.local or the backup), or came back from. */
  moved?: string;
  /** The command the hook runs. */
  command: string;
}

/** Quotes a word for sh. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_\/.,:=+@%^-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The cnflint launcher of this installation, run by this Node.js: bin/cnflint.js of the
 * nearest directory above this module that has one (the package root, whether this
 * module runs from src/, dist/src/ or a bundle in dist/bundle/).
 */
export function defaultCommand(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  let bin: string | undefined;
  for (;;) {
    const candidate = path.join(dir, 'bin', 'cnflint.js');
    if (fs.existsSync(candidate)) {
      bin = candidate;
      break;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  if (!bin) throw new HookInstallError('cannot find the cnflint launcher (bin/cnflint.js) of this installation; pass --command');
  return `${shellQuote(process.execPath)} ${shellQuote(bin)}`;
}

/** The hook script. */
export function hookScript(command: string): string {
  return [
    '#!/bin/sh',
    `${HOOK_MARKER} (written by \`cnflint install-hook\`; \`cnflint install-hook --uninstall\` removes it)`,
    '# Lints the MTA configuration files staged for commit, as they are in the index, and',
    '# refuses the commit when they have errors. Skip it once with `git commit --no-verify`.',
    '# A pre-commit hook that was here before runs first, from pre-commit.local.',
    'local_hook="$(dirname "$0")/pre-commit.local"',
    'if [ -x "$local_hook" ]; then "$local_hook" "$@" || exit $?; fi',
    `exec ${command} staged`,
    '',
  ].join('\n');
}

/** The command a hook of ours runs cnflint with. */
function commandOf(script: string): string | undefined {
  return /^exec (.+) staged$/m.exec(script)?.[1];
}

/** A free name `base`, `base.1`, `base.2` … */
function freeName(base: string): string {
  if (!fs.existsSync(base)) return base;
  for (let i = 1; ; i++) if (!fs.existsSync(`${base}.${i}`)) return `${base}.${i}`;
}

/**
 * Writes the hook script with the shared atomic writer (temp file, fsync, rename): `was`
 * is the text the hook had when it was read (undefined: there was none); a hook changed
 * or created meanwhile is not overwritten.
 */
function writeHook(file: string, text: string, was: string | undefined): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFilesAtomically([{ path: file, text, encoding: 'utf8', mode: 0o755, expected: was === undefined ? undefined : { text: was, encoding: 'utf8' } }]);
}

/**
 * Keeps the present hook under `keep` (a second name for the same file), then writes ours
 * in its place; if that fails, `keep` goes again and the old hook is where it was.
 */
function keepAndReplace(hook: string, keep: string, was: string, text: string): void {
  try {
    fs.linkSync(hook, keep);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new HookInstallError(`${keep} appeared meanwhile; run install-hook again`);
    fs.copyFileSync(hook, keep, fs.constants.COPYFILE_EXCL); // file systems without hard links
  }
  try {
    writeHook(hook, text, was);
  } catch (e) {
    fs.unlinkSync(keep);
    throw e;
  }
}

function usesHusky(hooksDir: string): boolean {
  return hooksDir.split(path.sep).includes('.husky');
}

/** Installs (or updates) the pre-commit hook. Throws HookInstallError or GitError. */
export function installHook(options: InstallOptions = {}): InstallResult {
  const { hooksDir } = repoInfo(path.resolve(options.repo ?? process.cwd()));
  const hook = path.join(hooksDir, 'pre-commit');
  const local = path.join(hooksDir, 'pre-commit.local');
  if (usesHusky(hooksDir))
    throw new HookInstallError(
      `this repository's hooks are managed by husky (core.hooksPath is ${hooksDir}); husky rewrites that directory, so add this line to .husky/pre-commit instead:\n  npx --no-install cnflint staged`,
    );

  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(hook);
  } catch {
    /* no hook yet */
  }
  if (st?.isDirectory()) throw new HookInstallError(`${hook} is a directory; remove it first`);
  // Read once: whether it is ours, the command it runs, and what an update may replace.
  const was = st ? readHook(hook) : undefined;
  const ours = was?.includes(HOOK_MARKER) ?? false;
  if (st && !ours && !options.chain && !options.force)
    throw new HookInstallError(
      `${hook} already exists and was not written by cnflint; not overwriting it.\n` +
        `  --chain  keep it: it is moved to pre-commit.local and runs before cnflint\n` +
        `  --force  replace it (it is kept as pre-commit.backup)`,
    );
  // Installing again without --command keeps the command the hook already runs.
  const command = options.command?.trim() || (ours ? commandOf(was!) : undefined) || defaultCommand();
  const text = hookScript(command);
  if (was === undefined) {
    writeHook(hook, text, undefined);
    return { action: 'installed', hook, command };
  }
  if (ours) {
    if (was === text) {
      if (!(st!.mode & 0o100)) fs.chmodSync(hook, 0o755);
      return { action: 'unchanged', hook, command };
    }
    writeHook(hook, text, was);
    return { action: 'updated', hook, command };
  }
  if (options.chain) {
    if (fs.existsSync(local))
      throw new HookInstallError(
        `cannot chain: both ${hook} and ${local} exist; merge them into one pre-commit.local by hand, then run install-hook --chain again`,
      );
    keepAndReplace(hook, local, was, text);
    return { action: 'chained', hook, moved: local, command };
  }
  const backup = freeName(path.join(hooksDir, 'pre-commit.backup'));
  keepAndReplace(hook, backup, was, text);
  return { action: 'replaced', hook, moved: backup, command };
}

/** The hook's text; a hook that cannot be read is reported, not taken for someone else's. */
function readHook(hook: string): string {
  try {
    return fs.readFileSync(hook, 'utf8');
  } catch (e) {
    throw new HookInstallError(`cannot read ${hook} (${(e as NodeJS.ErrnoException).code ?? String(e)}); fix its permissions and run install-hook again`);
  }
}

/** Removes our hook; a chained pre-commit.local becomes the pre-commit hook again. */
export function uninstallHook(options: Pick<InstallOptions, 'repo'> = {}): InstallResult {
  const { hooksDir } = repoInfo(path.resolve(options.repo ?? process.cwd()));
  const hook = path.join(hooksDir, 'pre-commit');
  const local = path.join(hooksDir, 'pre-commit.local');
  if (!fs.existsSync(hook)) return { action: 'absent', hook, command: '' };
  if (!readHook(hook).includes(HOOK_MARKER)) throw new HookInstallError(`${hook} was not written by cnflint; leaving it alone`);
  fs.unlinkSync(hook);
  if (fs.existsSync(local)) {
    fs.renameSync(local, hook);
    return { action: 'uninstalled', hook, moved: local, command: '' };
  }
  return { action: 'uninstalled', hook, command: '' };
}
