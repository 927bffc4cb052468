// Fault injection on writeFilesAtomically: whatever fails, no file is half-written and
// nothing is lost.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFilesAtomically, WriteError, type FileWrite, type WriteFs } from '../../src/edit/write.js';
import { snapshot } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfmod-write-'));
});
afterEach(() => {
  fs.chmodSync(dir, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

const A = 'imta.cnf';
const B = 'job_controller.cnf';
const ORIG_A = 'rule $U@a\n\nl\nlocal\n';
const ORIG_B = '[POOL=DEFAULT]\r\njob_limit=10\r\n';

function setup(): FileWrite[] {
  fs.writeFileSync(path.join(dir, A), ORIG_A);
  fs.writeFileSync(path.join(dir, B), ORIG_B);
  fs.chmodSync(path.join(dir, B), 0o640);
  return [
    { path: path.join(dir, A), text: ORIG_A + '! edited\n', encoding: 'utf8', expected: { text: ORIG_A, encoding: 'utf8' } },
    { path: path.join(dir, B), text: ORIG_B + '[POOL=NEW]\r\njob_limit=1\r\n', encoding: 'utf8', expected: { text: ORIG_B, encoding: 'utf8' } },
  ];
}

const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

function failing(e: unknown): WriteError {
  expect(e).toBeInstanceOf(WriteError);
  return e as WriteError;
}

function attempt(writes: FileWrite[], fsImpl?: Partial<WriteFs>, backup = false): WriteError {
  try {
    writeFilesAtomically(writes, { fsImpl, backup });
  } catch (e) {
    return failing(e);
  }
  throw new Error('expected the write to fail');
}

describe('writeFilesAtomically', () => {
  test('writes every file, keeps modes, leaves no temporary files', () => {
    const writes = setup();
    writeFilesAtomically(writes);
    expect(read(A)).toBe(writes[0].text);
    expect(read(B)).toBe(writes[1].text);
    expect(fs.statSync(path.join(dir, B)).mode & 0o777).toBe(0o640);
    expect([...snapshot(dir).keys()]).toEqual([A, B]);
  });

  test('--backup keeps <file>.orig with the original bytes', () => {
    const writes = setup();
    writeFilesAtomically(writes, { backup: true });
    expect(read(`${A}.orig`)).toBe(ORIG_A);
    expect(read(`${B}.orig`)).toBe(ORIG_B);
    expect([...snapshot(dir).keys()]).toEqual([A, `${A}.orig`, B, `${B}.orig`]);
  });

  test('the second of two renames fails: the first file is put back, nothing is changed', () => {
    const writes = setup();
    const before = snapshot(dir);
    let commits = 0;
    const err = attempt(writes, {
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        if (String(from).endsWith('.tmp') && ++commits === 2) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
        fs.renameSync(from, to);
      },
    });
    expect(commits).toBe(2);
    expect(err.file).toBe(writes[1].path);
    expect(err.message).toMatch(/cannot replace .*job_controller\.cnf: EIO.*restored, nothing was changed/);
    expect(snapshot(dir)).toEqual(before);
  });

  test('the directory is read-only: nothing is changed (simulated, as the tests may run as root)', () => {
    const writes = setup();
    const before = snapshot(dir);
    const err = attempt(writes, {
      openSync: ((p: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
        if (String(p).includes(`.${B}.`)) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return fs.openSync(p, flags, mode);
      }) as typeof fs.openSync,
    });
    expect(err.message).toMatch(/cannot write a temporary file next to .*job_controller\.cnf: permission denied \(EACCES\); nothing was changed/);
    expect(snapshot(dir)).toEqual(before);
  });

  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  (root ? test.skip : test)('the directory is read-only (real chmod)', () => {
    const writes = setup();
    const before = snapshot(dir);
    fs.chmodSync(dir, 0o555);
    const err = attempt(writes);
    expect(err.message).toMatch(/permission denied|read-only/);
    fs.chmodSync(dir, 0o755);
    expect(snapshot(dir)).toEqual(before);
  });

  test('a file changed on disk since it was read is not overwritten, and no other file is written', () => {
    const writes = setup();
    fs.appendFileSync(path.join(dir, B), '! someone else\r\n');
    const before = snapshot(dir);
    const err = attempt(writes);
    expect(err.file).toBe(writes[1].path);
    expect(err.message).toMatch(/job_controller\.cnf changed on disk since it was read; not overwritten/);
    expect(snapshot(dir)).toEqual(before);
  });

  test('a file changed between the check and the rename is caught on the saved copy', () => {
    const writes = setup();
    let changed = false;
    const err = attempt(writes, {
      linkSync: (existing: fs.PathLike, newPath: fs.PathLike) => {
        if (!changed && String(existing).endsWith(B)) {
          fs.appendFileSync(String(existing), '! edited meanwhile\r\n');
          changed = true;
        }
        fs.linkSync(existing, newPath);
      },
    });
    expect(changed).toBe(true);
    expect(err.message).toMatch(/job_controller\.cnf changed on disk/);
    expect(read(A)).toBe(ORIG_A);
    expect(read(B)).toBe(ORIG_B + '! edited meanwhile\r\n');
    expect([...snapshot(dir).keys()]).toEqual([A, B]);
  });

  test('when even the undo fails, the error names the saved original, which is kept', () => {
    const writes = setup();
    let commits = 0;
    const err = attempt(writes, {
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        if (String(from).endsWith('.tmp') && ++commits === 2) throw Object.assign(new Error('EIO'), { code: 'EIO' });
        if (String(from).endsWith('.save')) throw Object.assign(new Error('EIO'), { code: 'EIO' });
        fs.renameSync(from, to);
      },
    });
    const m = /its original is kept as (\S+): rename it back/.exec(err.message);
    expect(m).not.toBeNull();
    expect(fs.readFileSync(m![1], 'utf8')).toBe(ORIG_A);
    expect(read(B)).toBe(ORIG_B);
  });

  test('without hard links the original is saved by copying', () => {
    const writes = setup();
    writeFilesAtomically(writes, {
      backup: true,
      fsImpl: {
        linkSync: () => {
          throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
        },
      },
    });
    expect(read(A)).toBe(writes[0].text);
    expect(read(`${B}.orig`)).toBe(ORIG_B);
  });

  test('a new file is created, but never over one someone else created meanwhile', () => {
    const writes = setup();
    const fresh: FileWrite = { path: path.join(dir, 'new.rules'), text: 'x $U@a\n', encoding: 'utf8' };
    writeFilesAtomically([fresh]);
    expect(read('new.rules')).toBe('x $U@a\n');

    const other: FileWrite = { path: path.join(dir, 'other.rules'), text: 'mine\n', encoding: 'utf8' };
    const err = attempt([...writes, other], {
      linkSync: (existing: fs.PathLike, newPath: fs.PathLike) => {
        if (String(newPath).endsWith('other.rules')) fs.writeFileSync(String(newPath), 'theirs\n');
        fs.linkSync(existing, newPath);
      },
    });
    expect(err.message).toMatch(/other\.rules was created by someone else meanwhile; not overwritten/);
    expect(read('other.rules')).toBe('theirs\n');
    expect(read(A)).toBe(ORIG_A);
    expect(read(B)).toBe(ORIG_B);
  });

  test('a symbolic link stays a link; its target is replaced', () => {
    const writes = setup();
    fs.mkdirSync(path.join(dir, 'real'));
    fs.renameSync(path.join(dir, A), path.join(dir, 'real', A));
    fs.symlinkSync(path.join('real', A), path.join(dir, A));
    writeFilesAtomically(writes);
    expect(fs.lstatSync(path.join(dir, A)).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real', A), 'utf8')).toBe(writes[0].text);
  });

  test('latin1 files are written byte for byte', () => {
    const bytes = Buffer.from([0x21, 0x20, 0xe9, 0x0a]);
    fs.writeFileSync(path.join(dir, A), bytes);
    const text = bytes.toString('latin1');
    writeFilesAtomically([{ path: path.join(dir, A), text: text + 'x\n', encoding: 'latin1', expected: { text, encoding: 'latin1' } }]);
    expect(fs.readFileSync(path.join(dir, A))).toEqual(Buffer.concat([bytes, Buffer.from('x\n')]));
  });
});
