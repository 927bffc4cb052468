// Writing edited configuration files safely: atomic per file (temp file in the same
// directory, mode and owner kept, then rename), all or none across files, and never over
// a file that changed on disk since it was read.
//
// The transaction, for files f1..fn:
//   1. check   every fi still holds the bytes it was read with (or, for a new file, that
//              it still does not exist);
//   2. stage   write every new version to a temp file next to its target (fsync'd, with
//              the target's mode and, where permitted, owner);
//   3. save    hard-link every original to a hidden `.save` name in its directory (copy
//              where hard links are not supported) and check the saved inode once more:
//              this is the exact file the rename will replace, so a change made between
//              step 1 and now is caught here;
//   4. commit  rename each temp file over its target (a new file is linked into place,
//              which fails instead of clobbering a file someone else just created);
//   5. undo    if any step of 4 fails, rename each saved original back over the targets
//              already replaced (a rename, not a rewrite: the original inode comes back
//              whole) and remove the files created; nothing is half-written because no
//              target is ever written in place;
//   6. finish  `.save` names become `<file>.orig` with --backup, or are removed.
// If even the undo fails, the error names the saved copies: nothing is ever lost.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encode } from '../model/load.js';

export interface FileWrite {
  path: string;
  /** The text to write. */
  text: string;
  encoding: 'utf8' | 'latin1';
  /** The file's mode (default: the replaced file's own; 0o644 for a new file). */
  mode?: number;
  /**
   * What the file was when it was read (undefined: the file is new and must not exist).
   * The write is refused if the file on disk no longer holds this text (its bytes are
   * compared: a stat's time and size could miss an edit).
   */
  expected?: { text: string; encoding: 'utf8' | 'latin1' };
}

export type WriteFs = Pick<
  typeof fs,
  | 'writeFileSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'readFileSync'
  | 'statSync'
  | 'chmodSync'
  | 'chownSync'
  | 'copyFileSync'
  | 'linkSync'
  | 'openSync'
  | 'fsyncSync'
  | 'closeSync'
  | 'realpathSync'
>;

export interface WriteOptions {
  /** Keep `<file>.orig` copies of the files replaced (an existing `.orig` is replaced). */
  backup?: boolean;
  /** For tests: the file system calls used (fault injection). */
  fsImpl?: Partial<WriteFs>;
}

export class WriteError extends Error {
  constructor(
    message: string,
    public readonly file: string,
  ) {
    super(message);
    this.name = 'WriteError';
  }
}

interface Step {
  w: FileWrite;
  /** The path actually replaced (symbolic links resolved, so a link stays a link). */
  target: string;
  bytes: Buffer;
  tmp?: string;
  saved?: string;
  committed?: boolean;
  stat?: fs.Stats;
}

const errText = (e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EACCES' || err.code === 'EPERM') return `permission denied (${err.code})`;
  if (err.code === 'EROFS') return 'read-only file system';
  if (err.code === 'ENOSPC') return 'no space left on device';
  return err.message ?? String(e);
};

/**
 * Writes all files or none. Throws WriteError (nothing changed on disk, originals
 * restored) when a file changed since it was read, or any step fails.
 */
export function writeFilesAtomically(writes: readonly FileWrite[], options: WriteOptions = {}): void {
  const f: WriteFs = { ...fs, ...options.fsImpl } as WriteFs;
  const seen = new Set<string>();
  const steps: Step[] = [];
  for (const w of writes) {
    let target = w.path;
    try {
      target = f.realpathSync(w.path);
    } catch {
      /* a new file: written under the name given */
    }
    if (seen.has(target)) throw new WriteError(`${w.path} is written twice in one change (a bug in the caller)`, w.path);
    seen.add(target);
    steps.push({ w, target, bytes: encode(w.text, w.encoding) });
  }

  const readBytes = (p: string) => f.readFileSync(p) as Buffer;
  // 1. Nothing changed underneath us (a cheap check before anything is created).
  for (const s of steps) checkUnchanged(s, readBytes, s.target);

  const removeQuietly = (p: string | undefined) => {
    if (!p) return;
    try {
      f.unlinkSync(p);
    } catch {
      /* already gone */
    }
  };
  const cleanup = () => {
    for (const s of steps) {
      removeQuietly(s.tmp);
      removeQuietly(s.saved);
    }
  };

  // 2. Stage every new version next to its target.
  let current: Step | undefined;
  try {
    let n = 0;
    for (const s of steps) {
      current = s;
      if (s.w.expected) s.stat = f.statSync(s.target);
      const tmp = hiddenName(s.target, `${n++}.tmp`);
      const mode = (s.w.mode ?? s.stat?.mode ?? 0o644) & 0o7777;
      const fd = f.openSync(tmp, 'wx', mode);
      s.tmp = tmp;
      try {
        f.writeFileSync(fd, s.bytes);
        f.fsyncSync(fd);
      } finally {
        f.closeSync(fd);
      }
      // The umask may have cut bits off the mode given to open.
      if (s.stat || s.w.mode !== undefined) f.chmodSync(tmp, mode);
      if (s.stat && typeof process.getuid === 'function' && (s.stat.uid !== process.getuid() || s.stat.gid !== process.getgid?.())) {
        try {
          f.chownSync(tmp, s.stat.uid, s.stat.gid);
        } catch {
          /* not permitted: the new file belongs to whoever runs the command */
        }
      }
    }
  } catch (e) {
    cleanup();
    const file = current?.w.path ?? '';
    throw new WriteError(`cannot write a temporary file next to ${file}: ${errText(e)}; nothing was changed`, file);
  }

  // 3. Save every original under a hidden name (same inode where possible) and check it
  //    once more: it is exactly what the rename will replace.
  try {
    let n = 0;
    for (const s of steps) {
      current = s;
      if (!s.w.expected) continue;
      const saved = hiddenName(s.target, `${n++}.save`);
      try {
        f.linkSync(s.target, saved);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw e;
        // File systems without hard links: a byte copy (mode kept by copyFile).
        f.copyFileSync(s.target, saved, fs.constants.COPYFILE_EXCL);
      }
      s.saved = saved;
    }
  } catch (e) {
    cleanup();
    const file = current?.w.path ?? '';
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new WriteError(`${file} was removed since it was read; nothing was changed (run the command again)`, file);
    throw new WriteError(`cannot keep a copy of ${file} before replacing it: ${errText(e)}; nothing was changed`, file);
  }
  try {
    for (const s of steps) if (s.saved) checkUnchanged(s, readBytes, s.saved);
  } catch (e) {
    cleanup();
    throw e;
  }

  // 4. Commit; 5. undo on failure.
  try {
    for (const s of steps) {
      current = s;
      if (s.w.expected) {
        f.renameSync(s.tmp!, s.target);
      } else {
        // link() fails with EEXIST rather than replacing a file created meanwhile.
        try {
          f.linkSync(s.tmp!, s.target);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST')
            throw new WriteError(`${s.w.path} was created by someone else meanwhile; not overwritten`, s.w.path);
          throw e;
        }
        s.committed = true;
        removeQuietly(s.tmp);
        s.tmp = undefined;
        continue;
      }
      s.committed = true;
      s.tmp = undefined;
    }
  } catch (e) {
    const failed = current?.w.path ?? '';
    const lost: string[] = [];
    for (const s of [...steps].reverse()) {
      if (!s.committed) continue;
      try {
        if (s.saved) {
          f.renameSync(s.saved, s.target);
          s.saved = undefined;
        } else f.unlinkSync(s.target);
      } catch (undoError) {
        lost.push(
          s.saved
            ? `${s.w.path} (its original is kept as ${s.saved}: rename it back)`
            : `${s.w.path} (created by this change: remove it)`,
        );
        s.saved = undefined; // never delete the only copy
      }
    }
    cleanup();
    const why = e instanceof WriteError ? e.message : `cannot replace ${failed}: ${errText(e)}`;
    if (lost.length) throw new WriteError(`${why}; undoing the change failed for ${lost.join(', ')}`, failed);
    throw new WriteError(`${why}; the files already replaced were restored, nothing was changed`, failed);
  }

  // 6. Finish: keep or drop the saved originals.
  for (const s of steps) {
    if (!s.saved) continue;
    if (options.backup) {
      try {
        f.renameSync(s.saved, `${s.target}.orig`);
        continue;
      } catch (e) {
        throw new WriteError(`the change was written, but ${s.target}.orig could not be made (${errText(e)}); the original is kept as ${s.saved}`, s.w.path);
      }
    }
    removeQuietly(s.saved);
  }
  syncDirectories(f, steps.map((s) => path.dirname(s.target)));
}

function hiddenName(target: string, suffix: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.cnflint-${process.pid}-${suffix}`);
}

function checkUnchanged(s: Step, read: (p: string) => Buffer, from: string): void {
  let current: Buffer | undefined;
  try {
    current = read(from);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new WriteError(`cannot read ${s.w.path}: ${errText(e)}; nothing was changed`, s.w.path);
  }
  const w = s.w;
  if (!w.expected) {
    if (current) throw new WriteError(`${w.path} was created by someone else since the configuration was read; not overwritten`, w.path);
  } else if (!current) {
    throw new WriteError(`${w.path} was removed since it was read; nothing was changed (run the command again)`, w.path);
  } else if (!current.equals(encode(w.expected.text, w.expected.encoding))) {
    throw new WriteError(`${w.path} changed on disk since it was read; not overwritten, nothing was changed (run the command again)`, w.path);
  }
}

/** Makes the renames durable (best effort: not every platform can fsync a directory). */
function syncDirectories(f: WriteFs, dirs: string[]): void {
  for (const dir of new Set(dirs)) {
    try {
      const fd = f.openSync(dir, 'r');
      try {
        f.fsyncSync(fd);
      } finally {
        f.closeSync(fd);
      }
    } catch {
      /* not supported here */
    }
  }
}
