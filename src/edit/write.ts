// Writing edited configuration files safely: atomic per file (temp file in the same
// directory, mode kept, then rename), all or none across files, and never over a file
// that changed on disk since it was read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encode } from '../model/load.js';

export interface FileWrite {
  path: string;
  /** The text to write. */
  text: string;
  encoding: 'utf8' | 'latin1';
  /**
   * What the file was when it was read (undefined: the file is new and must not exist).
   * The write is refused if the file on disk is no longer this.
   */
  expected?: { text: string; encoding: 'utf8' | 'latin1'; mtimeMs?: number; size?: number; mode?: number };
}

export interface WriteOptions {
  /** Keep `<file>.orig` copies of the files replaced. */
  backup?: boolean;
  /** For tests: the file system calls used (fault injection). */
  fsImpl?: Pick<typeof fs, 'writeFileSync' | 'renameSync' | 'unlinkSync' | 'readFileSync' | 'statSync' | 'chmodSync' | 'copyFileSync' | 'openSync' | 'fsyncSync' | 'closeSync'>;
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

/**
 * Writes all files or none. Throws WriteError (nothing changed on disk, originals
 * restored) when a file changed since it was read, or any step fails.
 */
export function writeFilesAtomically(writes: readonly FileWrite[], options: WriteOptions = {}): void {
  const f = options.fsImpl ?? fs;
  // 1. Nothing changed underneath us.
  for (const w of writes) {
    let current: Buffer | undefined;
    try {
      current = f.readFileSync(w.path) as Buffer;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new WriteError(`cannot read ${w.path}: ${(e as Error).message}`, w.path);
    }
    if (!w.expected) {
      if (current) throw new WriteError(`${w.path} was created by someone else since the configuration was read; not overwritten`, w.path);
    } else if (!current || !current.equals(encode(w.expected.text, w.expected.encoding))) {
      throw new WriteError(`${w.path} changed on disk since it was read; not overwritten (run the command again)`, w.path);
    }
  }
  // 2. Every new version goes to a temp file next to its target, with the target's mode.
  const temps: { tmp: string; w: FileWrite }[] = [];
  const cleanup = () => {
    for (const t of temps) {
      try {
        f.unlinkSync(t.tmp);
      } catch {
        /* already gone */
      }
    }
  };
  try {
    for (const w of writes) {
      const tmp = path.join(path.dirname(w.path), `.${path.basename(w.path)}.cnflint-${process.pid}-${temps.length}.tmp`);
      temps.push({ tmp, w });
      const fd = f.openSync(tmp, 'wx', w.expected?.mode ?? 0o644);
      try {
        f.writeFileSync(fd, encode(w.text, w.encoding));
        f.fsyncSync(fd);
      } finally {
        f.closeSync(fd);
      }
      if (w.expected?.mode !== undefined) f.chmodSync(tmp, w.expected.mode & 0o7777);
    }
  } catch (e) {
    cleanup();
    throw new WriteError(`cannot write next to ${temps[temps.length - 1]?.w.path ?? '?'}: ${(e as Error).message}; nothing was changed`, temps[temps.length - 1]?.w.path ?? '');
  }
  // 3. Backups, then the renames; a failed rename puts back what was already replaced.
  const done: FileWrite[] = [];
  try {
    if (options.backup) for (const w of writes) if (w.expected) f.copyFileSync(w.path, `${w.path}.orig`);
    for (const t of temps) {
      f.renameSync(t.tmp, t.w.path);
      done.push(t.w);
    }
  } catch (e) {
    const failed = temps[done.length]?.w.path ?? '';
    for (const w of done) {
      try {
        if (w.expected) f.writeFileSync(w.path, encode(w.expected.text, w.expected.encoding));
        else f.unlinkSync(w.path);
      } catch {
        /* best effort: reported below */
      }
    }
    cleanup();
    throw new WriteError(`cannot replace ${failed}: ${(e as Error).message}; the files already replaced were restored, nothing was changed`, failed);
  }
}
