// The lint engine: builds the model of what is linted, runs the rules with their
// configured severities and options, turns model diagnostics into messages, applies
// inline suppressions, and (with `fix`) applies fixes and lints again, ESLint style.
// It never prints and never writes files; the CLI and the language server do.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closest } from 'fastest-levenshtein';
import { fileKindFromName, type FileKind } from '../../grammar/index.js';
import { RULES } from '../../rules/index.js';
import { applyEdits, editsByFile, lineBreakOf, type Fix, type TextEdit } from '../edit/edits.js';
import { writeFilesAtomically, type FileWrite, type WriteOptions } from '../edit/write.js';
import { lookupKeyword } from '../model/keywords.js';
import { buildModel, decode, loadConfig } from '../model/load.js';
import type { ConfigModel, SourceFile } from '../model/types.js';
import {
  findConfigFile,
  loadConfigFile,
  parseRuleSettings,
  resolveConfig,
  settingFor,
  type EffectiveSetting,
  type LintConfigInput,
  type ResolvedConfig,
  type RuleSettingInput,
  LintConfigError,
} from './config.js';
import { FileSuppressions, parseDirectives, type Directive } from './suppressions.js';
import type { LintMessage, LintScope, Rule, RuleMeta, Severity } from './types.js';
import { withDocs } from './define-rule.js';

/** ESLint's limit: fixes can enable other fixes, but a loop must end. */
export const MAX_FIX_PASSES = 10;

/** Messages the engine itself produces, under ids that no rule module has. */
export const BUILTIN_RULES: readonly RuleMeta[] = [
  withDocs({
    id: 'syntax',
    description: 'Problems found while reading the files: syntax errors, includes that cannot be read, settings the reader cannot parse.',
    // Each diagnostic carries its own severity; a severity configured for `syntax` replaces it.
    severity: 'error',
    fixable: false,
  }),
  withDocs({
    id: 'unused-disable',
    description: 'A cnflint-disable directive that suppresses nothing, or names a rule that does not exist.',
    severity: 'warning',
    fixable: true,
  }),
];

export interface LintOptions {
  /** The rule set (default: the catalogue, rules/index.ts). Tests inject their own. */
  rules?: readonly Rule[];
  /**
   * A configuration given as an object (API use); when set, no cnflint.config.json is
   * looked for. Relative paths in it are relative to `cwd`.
   */
  config?: LintConfigInput;
  /** A cnflint.config.json to use; false: none. Default: the nearest one above the linted path. */
  configFile?: string | false;
  /** Rule settings that win over the configuration's (`--rule id:severity`). */
  ruleSettings?: Record<string, RuleSettingInput>;
  /** Server root for absolute include paths (wins over the configuration's "root"). */
  root?: string;
  /** File kind for single files, instead of the kind from the file name. */
  kind?: FileKind;
  /** imta.cnf-family single files: the text is a fragment starting in this section. */
  fragment?: 'rules' | 'channels';
  /** Apply fixes in memory (results carry `output`); nothing is written. */
  fix?: boolean;
  /** Which messages' fixes to apply (default: all). */
  fixFilter?: (message: LintMessage) => boolean;
  /** Texts to use instead of what is on disk, by path relative to the configuration directory. */
  overrides?: Record<string, string>;
  /** Base for relative paths (default: process.cwd()). */
  cwd?: string;
  /**
   * Adds the milliseconds each rule ran (by rule id) and the reading of the files (under
   * PARSE_TIMING_ID) to this map: what `TIMING=1 cnflint` prints, as ESLint's TIMING does.
   */
  timings?: Map<string, number>;
}

/** The timings entry of reading the files: parsing and building the model. */
export const PARSE_TIMING_ID = '(parse + model)';

export interface ResultMessage extends LintMessage {
  /** 1-based; columns count UTF-16 code units; end is exclusive, as in ESLint. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface SuppressedMessage extends ResultMessage {
  suppressions: { kind: 'directive'; justification: string }[];
}

export interface LintResult {
  /** Absolute path (or the name given for text that is not on disk). */
  filePath: string;
  /** Path relative to the configuration directory (diffs, SARIF). */
  relPath: string;
  kind: FileKind;
  /** Sorted by position. Positions refer to `output` when set, else to `source`. */
  messages: ResultMessage[];
  suppressedMessages: SuppressedMessage[];
  errorCount: number;
  warningCount: number;
  /** Info messages are shown but are not problems: they never fail a run. */
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fixableInfoCount: number;
  /** The text as read. */
  source: string;
  /** The text after fixes, when fixes changed it. */
  output?: string;
  encoding: 'utf8' | 'latin1';
  stat?: SourceFile['stat'];
}

/** Bad input the engine cannot lint at all (unreadable file, unknown kind): exit code 2. */
export class LintInputError extends Error {
  constructor(
    message: string,
    public readonly file?: string,
  ) {
    super(message);
    this.name = 'LintInputError';
  }
}

/** A rule or the engine failed: a bug in cnflint, reported as such (exit code 2). */
export class LintInternalError extends Error {
  constructor(
    message: string,
    public readonly file: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LintInternalError';
  }
}

/** Every rule id a configuration may name: the rule set's and the built-in ones. */
export function knownRuleIds(rules: readonly Rule[] = RULES): string[] {
  return [...rules.map((r) => r.meta.id), ...BUILTIN_RULES.map((m) => m.id)];
}

/** Metadata of every rule, built-in ones included, by id. */
export function ruleMetas(rules: readonly Rule[] = RULES): Map<string, RuleMeta> {
  const m = new Map<string, RuleMeta>();
  for (const r of rules) m.set(r.meta.id, r.meta);
  for (const b of BUILTIN_RULES) if (!m.has(b.id)) m.set(b.id, b);
  return m;
}

/**
 * The configuration for a linted path: `options.config` if given, else the file named by
 * `options.configFile`, else the nearest cnflint.config.json at or above `startDir`.
 */
export function resolveLintConfig(startDir: string, options: LintOptions = {}): ResolvedConfig {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const knownIds = knownRuleIds(options.rules ?? RULES);
  const cliRules = parseRuleSettings(options.ruleSettings, knownIds, '--rule');
  const root = options.root === undefined ? undefined : path.resolve(cwd, options.root);
  if (options.config) return resolveConfig(options.config, { knownIds, baseDir: cwd, cliRules, root });
  const file = options.configFile === false ? undefined : options.configFile ? path.resolve(cwd, options.configFile) : findConfigFile(startDir);
  if (file) return loadConfigFile(file, { knownIds, cliRules, root });
  return resolveConfig({}, { knownIds, baseDir: cwd, cliRules, root });
}

// ---------------------------------------------------------------------------------------
// Targets: what is linted, and how to rebuild its model with fixed texts.

interface Target {
  /** Builds the model; `texts` are fixed texts by absolute path. */
  build(texts: ReadonlyMap<string, string>): ConfigModel;
  scope(model: ConfigModel): LintScope;
  /** Where problems are reported when a rule crashes. */
  label: string;
}

function relativeOverrides(dir: string, texts: ReadonlyMap<string, string>, base?: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...(base ?? {}) };
  for (const [abs, text] of texts) out[path.relative(dir, abs).split(path.sep).join('/')] = text;
  return out;
}

function kindsOf(model: ConfigModel): Set<FileKind> {
  return new Set(model.files.map((f) => f.kind));
}

/** Lints a configuration directory (imta.cnf with the files beside it). Throws ConfigError without imta.cnf. */
export function lintDirectory(dir: string, options: LintOptions = {}): LintResult[] {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const abs = path.resolve(cwd, dir);
  const config = resolveLintConfig(abs, options);
  const target: Target = {
    label: abs,
    build: (texts) => loadConfig(abs, { root: config.root, overrides: relativeOverrides(abs, texts, options.overrides) }),
    scope: (model) => ({ directory: true, complete: true, kinds: kindsOf(model) }),
  };
  return run(target, config, options);
}

/**
 * For a single imta.cnf-family file with no --fragment: whether the text starts in the
 * channel table. A heuristic on the first line that is not a comment, blank or include:
 * it starts a channel block when its first word is `defaults`/`nodefaults`, when it is a
 * single word (a channel name alone; a rewrite rule always has a template), or when its
 * second word has no `$`, `@` or `%` (which every practical template has) and is a
 * channel keyword. Anything else is taken as rewrite rules, which is how the MTA reads
 * the start of a file.
 */
export function detectFragment(text: string): 'rules' | 'channels' {
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const line = text.slice(pos, nl === -1 ? text.length : nl).replace(/\r$/, '');
    pos = nl === -1 ? text.length : nl + 1;
    if (!line.trim() || line[0] === '!' || line[0] === '<') continue;
    const words = line.trim().split(/[ \t]+/);
    const first = words[0].toLowerCase();
    if (first === 'defaults' || first === 'nodefaults') return 'channels';
    const second = words[1]?.replace(/\\$/, '');
    if (!second) return 'channels';
    if (/[$@%]/.test(second)) return 'rules';
    return lookupKeyword(second) ? 'channels' : 'rules';
  }
  return 'rules';
}

interface SingleInput {
  text: string;
  path: string;
  kind: FileKind;
  encoding?: 'utf8' | 'latin1';
  stat?: SourceFile['stat'];
  /** Base for includes. */
  dir: string;
  fragment?: 'rules' | 'channels';
}

function singleTarget(input: SingleInput, config: ResolvedConfig): Target {
  const base = path.basename(input.path);
  let fragment = input.kind === 'imta.cnf' ? input.fragment : undefined;
  if (input.kind === 'imta.cnf' && !fragment && base !== 'imta.cnf') fragment = detectFragment(input.text);
  // A file named exactly imta.cnf is the whole main file, which starts with rules; only
  // an explicit 'channels' makes it a fragment.
  const complete = input.kind === 'imta.cnf' && base === 'imta.cnf' && fragment !== 'channels';
  const relPath = path.relative(input.dir, input.path).split(path.sep).join('/') || base;
  return {
    label: input.path,
    build: (texts) =>
      buildModel({
        dir: input.dir,
        root: config.root,
        files: [
          {
            relPath,
            kind: input.kind,
            text: texts.get(input.path) ?? input.text,
            encoding: input.encoding,
            stat: input.stat,
            start: fragment === 'channels' ? 'channels' : undefined,
          },
        ],
        overrides: relativeOverrides(input.dir, texts),
      }),
    scope: (model) => ({ directory: false, complete, fragment: complete ? undefined : fragment, kinds: kindsOf(model) }),
  };
}

/**
 * Lints files one by one (each alone: cross-file rules stay quiet). The kind comes from
 * the file name unless `options.kind` is set.
 */
export function lintFiles(paths: readonly string[], options: LintOptions = {}): LintResult[] {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const out: LintResult[] = [];
  const configs = new Map<string, ResolvedConfig>();
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const kind = options.kind ?? fileKindFromName(abs);
    if (!kind)
      throw new LintInputError(
        `cannot tell what kind of file '${p}' is from its name; pass --kind (imta.cnf, job_controller.cnf, dispatcher.cnf, option.dat, mappings, aliases)`,
        p,
      );
    let buf: Buffer;
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
      if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      buf = fs.readFileSync(abs);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new LintInputError(
        err.code === 'ENOENT' ? `'${p}' does not exist` : err.code === 'EACCES' ? `cannot read '${p}': permission denied` : `cannot read '${p}': ${err.message}`,
        p,
      );
    }
    const { text, encoding } = decode(buf);
    // (files of one directory share its configuration: looked up and read once)
    const dir = path.dirname(abs);
    let config = configs.get(dir);
    if (!config) configs.set(dir, (config = resolveLintConfig(dir, options)));
    const target = singleTarget(
      { text, encoding, path: abs, kind, dir: path.dirname(abs), fragment: options.fragment, stat: { mtimeMs: st.mtimeMs, size: st.size, mode: st.mode } },
      config,
    );
    out.push(...run(target, config, options));
  }
  return mergeResults(out);
}

export interface LintTextOptions extends LintOptions {
  /** Name of the text (decides the kind and, if named exactly imta.cnf, completeness). */
  filename?: string;
  /** Directory for includes and config lookup (default: the filename's directory, else cwd). */
  dir?: string;
}

/** Lints text that is not (or not yet) on disk: --stdin, editors. */
export function lintText(text: string, options: LintTextOptions = {}): LintResult[] {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const filePath = options.filename ? path.resolve(cwd, options.filename) : path.join(options.dir ? path.resolve(cwd, options.dir) : cwd, '<text>');
  const kind = options.kind ?? (options.filename ? fileKindFromName(options.filename) : undefined) ?? 'imta.cnf';
  const dir = options.dir ? path.resolve(cwd, options.dir) : path.dirname(filePath);
  const config = resolveLintConfig(dir, options);
  return run(singleTarget({ text, path: filePath, kind, dir, fragment: options.fragment }, config), config, options);
}

/**
 * A file linted alone, as lintText reads it (fragment detection, the configuration's
 * `root` for absolute includes): its model and lint scope. The language server lints and
 * navigates this one model.
 */
export function singleFileModel(
  text: string,
  filePath: string,
  kind: FileKind,
  config: ResolvedConfig,
  fragment?: 'rules' | 'channels',
): { model: ConfigModel; scope: LintScope } {
  const target = singleTarget({ text, path: filePath, kind, dir: path.dirname(filePath), fragment }, config);
  const model = target.build(new Map());
  return { model, scope: target.scope(model) };
}

/** One result per file: a file reached twice (given twice, or included by two given files) keeps its first result. */
function mergeResults(results: LintResult[]): LintResult[] {
  const seen = new Set<string>();
  return results.filter((r) => (seen.has(r.filePath) ? false : (seen.add(r.filePath), true)));
}

// ---------------------------------------------------------------------------------------
// Running rules over one model.

interface RawMessage extends LintMessage {
  suppressions?: { kind: 'directive'; justification: string }[];
}

interface ModelOutcome {
  messages: RawMessage[];
  suppressed: RawMessage[];
}

function stableKey(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (Array.isArray(v)) return `[${v.map(stableKey).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableKey((v as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

/** Lints one model: the core shared by every entry point (the language server uses it too). */
export function lintModel(
  model: ConfigModel,
  scope: LintScope,
  config: ResolvedConfig,
  rules: readonly Rule[] = RULES,
  label = model.dir ?? model.files[0]?.path,
  timings?: Map<string, number>,
): ModelOutcome {
  const metas = ruleMetas(rules);
  const cache = new Map<string, EffectiveSetting>();
  const setting = (id: string, file: SourceFile): EffectiveSetting => {
    const key = `${id}\0${file.path}`;
    let s = cache.get(key);
    if (!s) {
      const meta = metas.get(id)!;
      s = settingFor(config, id, { severity: meta.severity, options: meta.defaultOptions }, file);
      cache.set(key, s);
    }
    return s;
  };
  const fileSet = new Set(model.files);
  const raw: RawMessage[] = [];

  for (const rule of rules) {
    const id = rule.meta.id;
    // Cross-file rules need every file of the configuration; on a single file or a
    // fragment they would see names defined elsewhere as missing.
    if (rule.meta.crossFile && !scope.directory) continue;
    // Options can differ by file (overrides): run once per distinct options, keeping
    // each run's reports for the files that have those options.
    const groups = new Map<string, { options: Record<string, unknown>; files: Set<SourceFile> }>();
    for (const f of model.files) {
      const s = setting(id, f);
      if (s.severity === 'off') continue;
      const key = stableKey(s.options);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { options: s.options, files: new Set() }));
      g.files.add(f);
    }
    for (const g of groups.values()) {
      const started = timings ? performance.now() : 0;
      try {
        rule.create({
          model,
          options: g.options,
          scope,
          report(r) {
            if (!fileSet.has(r.file) || !g.files.has(r.file)) return;
            // A rule may give a lesser finding its own severity; a configured one still wins.
            const s = setting(id, r.file);
            const severity = (s.explicit || !r.severity ? s.severity : r.severity) as Severity;
            const len = r.file.text.length;
            const start = Math.max(0, Math.min(len, Number.isFinite(r.start) ? r.start : 0));
            const end = Math.max(start, Math.min(len, Number.isFinite(r.end) ? r.end : start));
            raw.push({ ruleId: id, severity, message: r.message, file: r.file, start, end, fix: r.fix, suggestions: r.suggestions });
          },
        });
      } catch (e) {
        throw new LintInternalError(`rule '${id}' failed on ${label}: ${(e as Error)?.message ?? String(e)}`, label, { cause: e });
      }
      if (timings) timings.set(id, (timings.get(id) ?? 0) + performance.now() - started);
    }
  }

  // What the model found while reading: the rule of the same id reports it if there is
  // one in the rule set; otherwise it surfaces under the built-in id `syntax`.
  const ruleIds = new Set(rules.map((r) => r.meta.id));
  for (const d of model.diagnostics) {
    if (ruleIds.has(d.code) || !fileSet.has(d.file)) continue;
    const s = setting('syntax', d.file);
    if (s.severity === 'off') continue;
    raw.push({ ruleId: 'syntax', severity: s.explicit ? (s.severity as Severity) : d.severity, message: d.message, file: d.file, start: d.start, end: d.end });
  }

  // Suppressions.
  const sups = new Map<SourceFile, FileSuppressions>();
  for (const f of model.files) sups.set(f, new FileSuppressions(parseDirectives(f)));
  const messages: RawMessage[] = [];
  const suppressed: RawMessage[] = [];
  for (const m of raw) {
    const by = sups.get(m.file)!.suppressors(m.ruleId, m.file.lines.position(m.start).line);
    if (by.length) suppressed.push({ ...m, suppressions: by.map((d) => ({ kind: 'directive', justification: d.justification })) });
    else messages.push(m);
  }
  for (const [file, s] of sups) messages.push(...unusedDirectives(file, s.directives, scope, metas, (id) => setting(id, file)));

  const order = new Map(model.files.map((f, i) => [f, i]));
  const cmp = (a: RawMessage, b: RawMessage) =>
    order.get(a.file)! - order.get(b.file)! || a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
  messages.sort(cmp);
  suppressed.sort(cmp);
  return { messages, suppressed };
}

/**
 * Directives that suppressed nothing. Only judged where every rule ran with everything
 * it needs, i.e. when a whole configuration directory is linted: on a single file or a
 * fragment, rules stay quiet about what they cannot see, and a directive written for the
 * full lint would look unused. A rule turned off in the configuration does not make its
 * directives unused either (the directive may serve another configuration). Unknown rule
 * ids are always reported: they are typos that suppress nothing anywhere.
 */
function unusedDirectives(
  file: SourceFile,
  directives: readonly Directive[],
  scope: LintScope,
  metas: Map<string, RuleMeta>,
  setting: (id: string) => EffectiveSetting,
): RawMessage[] {
  const own = setting('unused-disable');
  if (own.severity === 'off') return [];
  const severity = own.severity as Severity;
  const out: RawMessage[] = [];
  const known = [...metas.keys()];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    const what = `cnflint-${d.kind}`;
    if (!d.rules.length) {
      if (scope.directory && !d.used.has('*'))
        out.push({ ruleId: 'unused-disable', severity, message: `unused ${what} directive: there is no problem to suppress; remove it`, file, start: d.start, end: d.end, fix: removeLine(file, d) });
      continue;
    }
    const unused: number[] = [];
    d.rules.forEach((id, i) => {
      if (!metas.has(id)) {
        const best = known.length ? closest(id, known) : '';
        out.push({
          ruleId: 'unused-disable',
          severity,
          message: `${what} names an unknown rule '${id}'${best ? `; did you mean '${best}'?` : ''}`,
          file,
          start: d.ruleOffsets[i],
          end: d.ruleOffsets[i] + id.length,
        });
        return;
      }
      if (d.used.has(id) || !scope.directory || setting(id).severity === 'off') return;
      unused.push(i);
    });
    if (!unused.length) continue;
    if (unused.length === d.rules.length && d.rules.every((id) => metas.has(id))) {
      const list = d.rules.map((r) => `'${r}'`).join(', ');
      out.push({ ruleId: 'unused-disable', severity, message: `unused ${what} directive: no ${list} problem to suppress; remove it`, file, start: d.start, end: d.end, fix: removeLine(file, d) });
      continue;
    }
    for (const i of unused) {
      const id = d.rules[i];
      const s = d.ruleOffsets[i];
      // Remove the id with the separator after it (or, for the last one, before it).
      const [from, to] = i < d.rules.length - 1 ? [s, d.ruleOffsets[i + 1]] : [d.ruleOffsets[i - 1] + d.rules[i - 1].length, s + id.length];
      out.push({
        ruleId: 'unused-disable',
        severity,
        message: `${what} directive: no '${id}' problem to suppress; remove '${id}' from it`,
        file,
        start: s,
        end: s + id.length,
        fix: { description: `remove '${id}' from the directive`, edits: [{ path: file.path, start: from, end: to, text: '' }] },
      });
    }
  }
  return out;
}

/** A fix deleting a directive's whole comment line (comment lines mean nothing to the MTA). */
function removeLine(file: SourceFile, d: Directive): Fix {
  const start = file.lines.lineStart(d.line);
  const nl = file.text.indexOf('\n', d.end);
  let from = start;
  let to = nl === -1 ? file.text.length : nl + 1;
  // The last line without a line break: take the break before it instead.
  if (nl === -1 && start > 0) from = start - lineBreakOf(file.text).length;
  if (from < 0) from = 0;
  return { description: 'remove the directive', edits: [{ path: file.path, start: from, end: to, text: '' }] };
}

// ---------------------------------------------------------------------------------------
// The fix loop and results.

/**
 * Non-overlapping fixes, first come first served in message order (ESLint's approach):
 * the edits of one pass of --fix. Exported for the rule tests, which apply what --fix would.
 */
export function chooseFixes<M extends { fix?: Fix }>(messages: readonly M[], filter?: (m: M) => boolean): TextEdit[] {
  const taken = new Map<string, [number, number][]>();
  const chosen: TextEdit[] = [];
  const overlaps = (e: TextEdit): boolean => {
    const list = taken.get(e.path);
    if (!list) return false;
    // `list` is sorted and disjoint: find the first interval ending after e.start.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid][1] <= e.start) lo = mid + 1;
      else hi = mid;
    }
    // Two insertions at one point, or an insertion at a point already taken: order unclear.
    for (let i = Math.max(0, lo - 1); i < list.length && list[i][0] <= e.end; i++) {
      const [a, b] = list[i];
      if (e.start < b && a < e.end) return true;
      if (e.start === e.end && a === b && a === e.start) return true;
      if (e.start === e.end && a < e.start && e.start < b) return true;
      if (a === b && e.start < a && a < e.end) return true;
    }
    return false;
  };
  for (const m of messages) {
    if (!m.fix || !m.fix.edits.length || (filter && !filter(m))) continue;
    if (m.fix.edits.some(overlaps)) continue;
    // A fix's own edits must not overlap each other either (a bug in the rule): skip it.
    const own = [...m.fix.edits].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
    if (own.some((e, i) => i > 0 && own[i - 1].path === e.path && own[i - 1].end > e.start)) continue;
    for (const e of m.fix.edits) {
      let list = taken.get(e.path);
      if (!list) taken.set(e.path, (list = []));
      let i = 0;
      let hi = list.length;
      while (i < hi) {
        const mid = (i + hi) >> 1;
        if (list[mid][0] < e.start || (list[mid][0] === e.start && list[mid][1] <= e.end)) i = mid + 1;
        else hi = mid;
      }
      list.splice(i, 0, [e.start, e.end]);
      chosen.push(e);
    }
  }
  return chosen;
}

function run(target: Target, config: ResolvedConfig, options: LintOptions): LintResult[] {
  const rules = options.rules ?? RULES;
  const { timings } = options;
  const build = (texts: Map<string, string>) => {
    const started = timings ? performance.now() : 0;
    const built = target.build(texts);
    if (timings) timings.set(PARSE_TIMING_ID, (timings.get(PARSE_TIMING_ID) ?? 0) + performance.now() - started);
    return built;
  };
  let model = build(new Map());
  const originals = new Map(model.files.map((f) => [f.path, f]));
  let outcome = lintModel(model, target.scope(model), config, rules, target.label, timings);
  if (options.fix) {
    const texts = new Map<string, string>();
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const edits = chooseFixes(outcome.messages, options.fixFilter);
      if (!edits.length) break;
      const current = new Map(model.files.map((f) => [f.path, f.text]));
      let changed = false;
      for (const [p, list] of editsByFile(edits)) {
        const text = current.get(p);
        if (text === undefined) continue;
        const next = applyEdits(text, list);
        if (next === text) continue;
        texts.set(p, next);
        changed = true;
      }
      // Fixes that change nothing would be offered again on every pass.
      if (!changed) break;
      model = build(texts);
      outcome = lintModel(model, target.scope(model), config, rules, target.label, timings);
    }
  }
  return toResults(model, outcome, originals);
}

function toResultMessage(m: RawMessage): ResultMessage {
  const s = m.file.lines.position(m.start);
  const e = m.file.lines.position(m.end);
  const out: ResultMessage = { ...m, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  delete (out as RawMessage).suppressions;
  return out;
}

function toResults(model: ConfigModel, outcome: ModelOutcome, originals: Map<string, SourceFile>): LintResult[] {
  const byFile = new Map<SourceFile, LintResult>();
  for (const f of model.files) {
    const orig = originals.get(f.path);
    const source = orig?.text ?? f.text;
    byFile.set(f, {
      filePath: f.path,
      relPath: f.relPath,
      kind: f.kind,
      messages: [],
      suppressedMessages: [],
      errorCount: 0,
      warningCount: 0,
      infoCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      fixableInfoCount: 0,
      source,
      output: f.text !== source ? f.text : undefined,
      encoding: orig?.encoding ?? f.encoding,
      stat: orig?.stat ?? f.stat,
    });
  }
  for (const m of outcome.messages) {
    const r = byFile.get(m.file)!;
    r.messages.push(toResultMessage(m));
    if (m.severity === 'error') {
      r.errorCount++;
      if (m.fix) r.fixableErrorCount++;
    } else if (m.severity === 'warning') {
      r.warningCount++;
      if (m.fix) r.fixableWarningCount++;
    } else {
      r.infoCount++;
      if (m.fix) r.fixableInfoCount++;
    }
  }
  for (const m of outcome.suppressed) byFile.get(m.file)!.suppressedMessages.push({ ...toResultMessage(m), suppressions: m.suppressions ?? [] });
  return [...byFile.values()];
}

/**
 * Writes the fixed texts of results (those with `output`) to disk: all files or none,
 * each atomically with its mode kept, refusing a file that changed since it was read.
 * Returns the paths written. Throws WriteError.
 */
export function outputFixes(results: readonly LintResult[], options: WriteOptions = {}): string[] {
  const writes: FileWrite[] = results
    .filter((r) => r.output !== undefined && r.output !== r.source && path.isAbsolute(r.filePath) && r.stat)
    .map((r) => ({
      path: r.filePath,
      text: r.output!,
      encoding: r.encoding,
      expected: { text: r.source, encoding: r.encoding },
    }));
  if (writes.length) writeFilesAtomically(writes, options);
  return writes.map((w) => w.path);
}

/** Keeps only errors (`--quiet`), recounting. */
export function errorsOnly(results: readonly LintResult[]): LintResult[] {
  return results.map((r) => {
    const messages = r.messages.filter((m) => m.severity === 'error');
    return { ...r, messages, warningCount: 0, infoCount: 0, fixableWarningCount: 0, fixableInfoCount: 0 };
  });
}
