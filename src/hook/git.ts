// The few git plumbing calls the pre-commit hook needs, run with the environment git gave
// us: inside a hook, GIT_INDEX_FILE may name a temporary index (`git commit -a`,
// `git commit <paths>`), and every call here must see that index, not .git/index.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** git is missing, the directory is not a repository, or a git command failed. */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

export interface GitOptions {
  /** Directory git runs in. */
  cwd: string;
  /** Bytes written to git's standard input. */
  input?: Buffer | string;
}

/** Runs git and returns its standard output as bytes; throws GitError on failure. */
export function gitBytes(args: readonly string[], options: GitOptions): Buffer {
  const r = spawnSync('git', args, { cwd: options.cwd, input: options.input, maxBuffer: 1 << 30, windowsHide: true });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new GitError(code === 'ENOENT' ? 'git is not installed (or not on PATH)' : `cannot run git: ${r.error.message}`);
  }
  if (r.status !== 0) {
    const err = r.stderr.toString('utf8').trim().replace(/^fatal: /, '');
    throw new GitError(`git ${args[0]} failed${err ? `: ${err}` : ` with exit code ${r.status}`}`);
  }
  return r.stdout;
}

/** Runs git and returns its standard output as text, without the final line break. */
export function git(args: readonly string[], options: GitOptions): string {
  return gitBytes(args, options).toString('utf8').replace(/\r?\n$/, '');
}

/** Splits NUL-terminated output (`-z`). */
function splitZ(out: Buffer): string[] {
  return out
    .toString('utf8')
    .split('\0')
    .filter((s) => s !== '');
}

export interface RepoInfo {
  /** Absolute path of the working tree's top directory. */
  top: string;
  /** Absolute path of the directory git runs hooks from (core.hooksPath respected). */
  hooksDir: string;
}

/** The repository containing `dir`; throws GitError when there is none or it is bare. */
export function repoInfo(dir: string): RepoInfo {
  let bare: string;
  try {
    bare = git(['rev-parse', '--is-bare-repository'], { cwd: dir });
  } catch (e) {
    if (e instanceof GitError && /not a git repository/i.test(e.message)) throw new GitError(`'${dir}' is not inside a git repository`);
    throw e;
  }
  if (bare === 'true') throw new GitError(`'${dir}' is a bare repository: nothing is committed from a bare repository, so there is no pre-commit hook to run`);
  const top = git(['rev-parse', '--show-toplevel'], { cwd: dir });
  // `--git-path hooks` honours core.hooksPath (answering relative to the cwd) and the
  // common directory of linked worktrees.
  const hooks = git(['rev-parse', '--git-path', 'hooks'], { cwd: top });
  return { top: path.resolve(top), hooksDir: path.resolve(top, hooks) };
}

export interface IndexEntry {
  /** Path relative to the top of the working tree, with `/`. */
  path: string;
  /** Octal mode as git prints it: 100644, 100755, 120000 (symbolic link), 160000 (submodule). */
  mode: string;
  /** Blob id. */
  object: string;
}

/** The entries of the index (stage 0 only: unmerged paths cannot be committed anyway), optionally below some paths. */
export function indexEntries(top: string, pathspecs: readonly string[] = []): IndexEntry[] {
  const out = gitBytes(['ls-files', '-z', '--stage', '--', ...pathspecs.map(literalPathspec)], { cwd: top });
  const entries: IndexEntry[] = [];
  for (const rec of splitZ(out)) {
    const tab = rec.indexOf('\t');
    const [mode, object, stage] = rec.slice(0, tab).split(' ');
    if (stage !== '0') continue;
    entries.push({ path: rec.slice(tab + 1), mode, object });
  }
  return entries;
}

/**
 * Paths staged for commit (added, copied, modified, renamed, and deleted too: a deleted
 * include breaks the file that includes it), relative to the top. Works before the first
 * commit as well, when there is no HEAD to compare with.
 */
export function stagedPaths(top: string): string[] {
  let head = true;
  try {
    git(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: top });
  } catch {
    head = false;
  }
  // Before the first commit, compare with the empty tree.
  const base = head ? 'HEAD' : git(['hash-object', '-t', 'tree', '--stdin'], { cwd: top, input: '' });
  return splitZ(gitBytes(['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRD', base, '--'], { cwd: top }));
}

/** Reads blobs by id, in one `git cat-file --batch` run. */
export function readBlobs(top: string, objects: readonly string[]): Map<string, Buffer> {
  const result = new Map<string, Buffer>();
  const unique = [...new Set(objects)];
  if (!unique.length) return result;
  const out = gitBytes(['cat-file', '--batch'], { cwd: top, input: unique.join('\n') + '\n' });
  let pos = 0;
  for (const id of unique) {
    const nl = out.indexOf(0x0a, pos);
    if (nl < 0) throw new GitError(`git cat-file: output ended early (reading ${id})`);
    const header = out.subarray(pos, nl).toString('utf8');
    pos = nl + 1;
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
    if (!m) throw new GitError(`git cat-file: cannot read object ${id} (${header})`);
    const size = Number(m[3]);
    result.set(id, out.subarray(pos, pos + size));
    pos += size + 1;
  }
  return result;
}

/** A pathspec that matches the path literally (no glob magic in file names). */
function literalPathspec(p: string): string {
  return `:(literal)${p}`;
}
