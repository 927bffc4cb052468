// Linting what is about to be committed: the STAGED versions of the configuration files
// (the index, not the working tree), each configuration directory as a whole because the
// checks are cross-file (a pool renamed in job_controller.cnf breaks imta.cnf).
//
// For every configuration directory (a directory whose imta.cnf is in the index) holding
// a staged path, every file of that directory is taken from the index and given to the
// lint engine as an in-memory override, so a partially staged file is judged by its
// staged content and the other files by their committed-to-be content. Staged files of a
// known kind outside any configuration directory are linted alone, as `cnflint <file>`
// would.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileKindFromName } from '../../grammar/index.js';
import { writeFilesAtomically, type FileWrite } from '../edit/write.js';
import { lintDirectory, lintText, type LintOptions, type LintResult } from '../lint/engine.js';
import { decode } from '../model/load.js';
import { indexEntries, readBlobs, repoInfo, stagedPaths, type IndexEntry } from './git.js';

export interface StagedOptions {
  /** A directory inside the repository (default: process.cwd()). */
  cwd?: string;
  /**
   * The files to consider instead of `git diff --cached` (what the pre-commit framework
   * passes), relative to `cwd` or absolute. Files that are not in the index are ignored.
   */
  files?: readonly string[];
  /**
   * Apply fixes to the working-tree files (not to the index): for each file whose
   * working-tree text equals its staged text, the fixed text is written to the working
   * tree, to be reviewed and staged. Files with unstaged changes are left alone. The
   * report still describes the staged text, which the fixes do not change.
   */
  fix?: boolean;
  /** Passed on to the lint engine (rule settings, configuration file, server root, rules). */
  lint?: Omit<LintOptions, 'overrides' | 'fix' | 'cwd'>;
}

export interface StagedTarget {
  /** 'directory': a configuration directory; 'file': a staged file linted alone. */
  kind: 'directory' | 'file';
  /** Absolute path of the directory or file. */
  path: string;
  /** Path relative to the top of the working tree ('.' for the top itself). */
  relPath: string;
  results: LintResult[];
}

export interface StagedReport {
  /** Absolute path of the top of the working tree. */
  top: string;
  targets: StagedTarget[];
  /** Every result of every target, in order (what a reporter prints). */
  results: LintResult[];
  /**
   * Things worth saying that are not lint messages: files read from the working tree
   * because they are not in the index, fixes written or not written.
   */
  notes: string[];
  /** Files whose fixes were written to the working tree (absolute paths). */
  fixed: string[];
}

const toPosix = (p: string) => p.split(path.sep).join('/');

function dirOf(rel: string): string {
  const d = path.posix.dirname(rel);
  return d === '.' ? '' : d;
}

function join(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/** Lints the staged configuration files of the repository containing `options.cwd`. */
export function lintStaged(options: StagedOptions = {}): StagedReport {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const { top } = repoInfo(cwd);
  // git prints paths relative to the top; realpath both so that symbolic links in the
  // temporary directory (macOS /var → /private/var) do not make them look unrelated.
  const realTop = fs.realpathSync(top);
  const index = indexEntries(top);
  const byPath = new Map(index.map((e) => [e.path, e]));

  let touched: string[];
  if (options.files) {
    touched = [];
    for (const f of options.files) {
      const abs = path.resolve(cwd, f);
      let real = abs;
      try {
        real = fs.realpathSync(abs);
      } catch {
        /* deleted in the working tree: keep the path as given */
      }
      const rel = toPosix(path.relative(realTop, real));
      if (!rel.startsWith('..') && !path.isAbsolute(rel)) touched.push(rel);
    }
  } else {
    touched = stagedPaths(top);
  }

  // Configuration directories: the nearest directory at or above each touched path whose
  // imta.cnf is in the index.
  const configDirs = new Set(index.filter((e) => path.posix.basename(e.path) === 'imta.cnf').map((e) => dirOf(e.path)));
  const dirs = new Set<string>();
  const loose: string[] = [];
  for (const rel of touched) {
    let d: string | undefined = dirOf(rel);
    while (d !== undefined && !configDirs.has(d)) d = d ? dirOf(d) : undefined;
    if (d !== undefined) dirs.add(d);
    else if (byPath.has(rel) && fileKindFromName(rel)) loose.push(rel);
  }

  const report: StagedReport = { top, targets: [], results: [], notes: [], fixed: [] };
  const blobs = readBlobs(
    top,
    index.filter((e) => isBlob(e) && ([...dirs].some((d) => !d || e.path.startsWith(`${d}/`)) || loose.includes(e.path))).map((e) => e.object),
  );
  const textOf = (e: IndexEntry) => decode(blobs.get(e.object) ?? Buffer.alloc(0)).text;
  const fixes: FileWrite[] = [];
  // The report is always about the staged text as it is (that is what gets committed);
  // with --fix, a second run computes the fixed texts for the working tree.
  const lintOptions: LintOptions = { ...options.lint, cwd: top, fix: false };
  const fixOptions: LintOptions = { ...options.lint, cwd: top, fix: true };

  const dirsInOrder = [...dirs].sort();
  for (const d of dirsInOrder) {
    const absDir = path.join(top, d);
    const overrides: Record<string, string> = {};
    const prefix = d ? `${d}/` : '';
    const inIndex = new Set<string>();
    for (const e of index) {
      if (!e.path.startsWith(prefix) || !isBlob(e)) continue;
      // Everything below the directory: an include may name a file in a subdirectory.
      const rel = e.path.slice(prefix.length);
      overrides[rel] = textOf(e);
      inIndex.add(path.join(absDir, rel));
    }
    const results = lintDirectory(absDir, { ...lintOptions, overrides });
    for (const r of results) {
      if (!inIndex.has(r.filePath) && fs.existsSync(r.filePath))
        report.notes.push(`${toPosix(path.relative(top, r.filePath))} is not in the index (untracked, or removed with --cached); it was checked as it is in the working tree, but the commit will not contain it`);
    }
    report.targets.push({ kind: 'directory', path: absDir, relPath: d || '.', results });
    if (options.fix) collectFixes(lintDirectory(absDir, { ...fixOptions, overrides }), fixes, report);
  }

  // Staged files of a known kind that no configuration directory read (outside any, or
  // in one but not included from its imta.cnf): alone.
  const seen = new Set(report.targets.flatMap((t) => t.results.map((r) => r.filePath)));
  for (const rel of touched) {
    const e = byPath.get(rel);
    const abs = path.join(top, rel);
    if (!e || !isBlob(e) || !fileKindFromName(rel) || seen.has(abs)) continue;
    const results = lintText(textOf(e), { ...lintOptions, filename: abs });
    seen.add(abs);
    report.targets.push({ kind: 'file', path: abs, relPath: rel, results });
    if (options.fix) collectFixes(lintText(textOf(e), { ...fixOptions, filename: abs }), fixes, report);
  }

  report.results = report.targets.flatMap((t) => t.results);
  if (fixes.length) {
    writeFilesAtomically(fixes);
    report.fixed = fixes.map((f) => f.path);
  }
  return report;
}

function isBlob(e: IndexEntry): boolean {
  // Regular files only: not symbolic links (their blob is the link target) nor submodules.
  return e.mode === '100644' || e.mode === '100755';
}

/**
 * Fixed texts are computed from the staged text; they are written to the working tree
 * only where the working tree holds exactly that text (no unstaged changes).
 */
function collectFixes(results: readonly LintResult[], fixes: FileWrite[], report: StagedReport): void {
  for (const r of results) {
    if (r.output === undefined || r.output === r.source || !path.isAbsolute(r.filePath)) continue;
    let buf: Buffer;
    try {
      buf = fs.readFileSync(r.filePath);
    } catch {
      report.notes.push(`${toPosix(path.relative(report.top, r.filePath))}: not fixed: it is not in the working tree`);
      continue;
    }
    const disk = decode(buf);
    if (disk.text !== r.source) {
      report.notes.push(`${toPosix(path.relative(report.top, r.filePath))}: not fixed: it has unstaged changes (fix it by hand, or stage everything and run again)`);
      continue;
    }
    fixes.push({ path: r.filePath, text: r.output, encoding: disk.encoding, expected: { text: disk.text, encoding: disk.encoding } });
  }
}
